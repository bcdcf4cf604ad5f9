package org.cruddur.console.service.seeding;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The seed users file: a JSON array of people, e.g.
 * <pre>[{"uuid": "6f0c...", "handle": "mara", "display_name": "Mara Quinlan",
 *   "email": "mara@example.com", "cognito_user_id": "..."}]</pre>
 * {@code uuid}, {@code handle} and {@code display_name} are required; email and cognito_user_id are optional.
 */
public final class SeedUsers {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(@JsonProperty("uuid") String uuid, @JsonProperty("handle") String handle,
                 @JsonProperty("display_name") String displayName, @JsonProperty("email") String email,
                 @JsonProperty("cognito_user_id") String cognitoUserId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The built-in demo people, with content of our own. */
    public static final List<ChatUser> DEFAULT = List.of(
            new ChatUser("5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71", "mara", "Mara Quinlan", "mara@example.com", null),
            new ChatUser("a3f4b6d8-1c2e-4f5a-8b7c-9d0e1f2a3b4c", "tobi", "Tobias Okafor", "tobi@example.com", null),
            new ChatUser("c7d8e9f0-2a3b-4c5d-9e6f-7a8b9c0d1e2f", "lenam", "Lena Marsh", "lena@example.com", null),
            new ChatUser("e1f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b", "ravi", "Ravi Sundaram", "ravi@example.com", null),
            new ChatUser("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "ines", "Inês Duarte", "ines@example.com", null));

    private SeedUsers() {
    }

    public static List<ChatUser> read(Path file) {
        List<Entry> entries;
        try {
            entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
        } catch (JsonProcessingException e) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, file + ": not a JSON array of users at line "
                    + e.getLocation().getLineNr() + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cannot read users file " + file + ": " + e.getMessage());
        }
        List<ChatUser> users = new ArrayList<>();
        Set<String> uuids = new HashSet<>();
        Set<String> handles = new HashSet<>();
        int index = 0;
        for (Entry e : entries) {
            index++;
            String where = file + ": user #" + index;
            if (e == null || blank(e.uuid()) || blank(e.handle()) || blank(e.displayName())) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, where + " needs uuid, handle and display_name");
            }
            try {
                UUID.fromString(e.uuid());
            } catch (IllegalArgumentException bad) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, where + ": uuid '" + e.uuid() + "' is not a UUID");
            }
            if (!uuids.add(e.uuid()) || !handles.add(e.handle().toLowerCase(java.util.Locale.ROOT))) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, where + ": uuid or handle repeats an earlier user");
            }
            users.add(new ChatUser(e.uuid(), e.handle(), e.displayName(), e.email(), e.cognitoUserId()));
        }
        return users;
    }

    public static void write(Path file, List<ChatUser> users) throws IOException {
        List<Entry> entries = users.stream()
                .map(u -> new Entry(u.uuid(), u.handle(), u.displayName(), u.email(), u.cognitoUserId())).toList();
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
