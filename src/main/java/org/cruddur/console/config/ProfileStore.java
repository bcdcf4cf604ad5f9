package org.cruddur.console.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's connection profiles, kept in one human-readable JSON file ({@code profiles.json}):
 * <pre>{"profiles": [{"name": "staging", "kind": "aws", "region": "eu-west-1", "aws_profile": "staging",
 *   "table": "cruddur-messages", "user_pool_id": "eu-west-1_abc", "read_only": true}]}</pre>
 * A broken entry is reported and kept as it was; a file that is not JSON at all is reported, and saved over only
 * after a backup copy is made, so no profile is ever lost. Fields the console does not know (a newer version's, or a
 * person's own notes) stay in their entry when it is saved again.
 * <p>
 * Thread-safe: the desktop console saves on a worker while its UI thread reads; every read and change holds the
 * store's lock, and a change is written to the file before the lock is let go, so saves never interleave.
 */
public final class ProfileStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Map<String, ConnectionProfile> userProfiles = new LinkedHashMap<>();
    /** Each readable entry as it was in the file, for the fields the console does not know. */
    private final Map<String, ObjectNode> entriesAsRead = new LinkedHashMap<>();
    private final List<JsonNode> unreadableEntries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private boolean fileUnreadable;

    private ProfileStore(Path file) {
        this.file = file;
    }

    public static ProfileStore load(Path file) {
        ProfileStore store = new ProfileStore(file);
        store.read();
        return store;
    }

    public Path file() {
        return file;
    }

    /** Built-in profiles first, then the user's. */
    public synchronized List<ConnectionProfile> all() {
        List<ConnectionProfile> all = new ArrayList<>(ConnectionProfile.builtIns());
        all.addAll(userProfiles.values());
        return all;
    }

    public synchronized List<ConnectionProfile> userProfiles() {
        return List.copyOf(userProfiles.values());
    }

    /** One line per problem found in the file, each naming the file. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public synchronized ConnectionProfile require(String name) {
        return find(name).orElseThrow(() -> new ConfigException(
                "No profile named '" + name + "' (known: " + String.join(", ", all().stream().map(ConnectionProfile::name).toList())
                        + (problems.isEmpty() ? "" : "; " + problems.get(0)) + ")"));
    }

    /** Adds or replaces a user profile and saves the file. */
    public synchronized void put(ConnectionProfile profile) {
        replace(null, profile);
    }

    /**
     * Saves {@code profile} in place of the one named {@code previousName} (a rename keeps the entry's unknown
     * fields), or adds it when that is null; one write of the file.
     */
    public synchronized void replace(String previousName, ConnectionProfile profile) {
        List<String> invalid = profile.problems();
        if (!invalid.isEmpty()) {
            throw new ConfigException("Profile '" + profile.name() + "': " + String.join("; ", invalid));
        }
        if (profile.isBuiltIn()) {
            throw new ConfigException("'" + profile.name() + "' is a built-in profile; choose another name");
        }
        if (previousName != null && !previousName.equals(profile.name())) {
            userProfiles.remove(previousName);
            ObjectNode renamed = entriesAsRead.remove(previousName);
            if (renamed != null) {
                entriesAsRead.put(profile.name(), renamed);
            }
        }
        userProfiles.put(profile.name(), profile);
        save();
    }

    public synchronized void remove(String name) {
        if (userProfiles.remove(name) != null) {
            entriesAsRead.remove(name);
            save();
        }
    }

    /** The profile as JSON, over its entry as read: known fields as the profile has them, unknown ones as they were. */
    private static ObjectNode entry(ConnectionProfile profile, ObjectNode asRead) {
        ObjectNode known = JSON.valueToTree(profile);
        if (asRead == null) {
            return known;
        }
        ObjectNode merged = JSON.createObjectNode();
        asRead.fields().forEachRemaining(f -> {
            if (!KNOWN_FIELDS.contains(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            } else if (known.has(f.getKey())) {
                merged.set(f.getKey(), known.get(f.getKey()));
            }
        });
        known.fields().forEachRemaining(f -> {
            if (!merged.has(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    private static final java.util.Set<String> KNOWN_FIELDS = java.util.Set.of("name", "kind", "endpoint", "region",
            "aws_profile", "table", "user_pool_id", "cognito_endpoint", "read_only");

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            fileUnreadable = true;
            problems.add(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
            return;
        } catch (IOException e) {
            fileUnreadable = true;
            problems.add(file + ": cannot be read (" + e.getMessage() + ")");
            return;
        }
        JsonNode entries = root == null ? null : root.get("profiles");
        if (entries == null || !entries.isArray()) {
            fileUnreadable = true;
            problems.add(file + ": expected an object with a \"profiles\" array");
            return;
        }
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            String label = "profile #" + index + (entry.hasNonNull("name") ? " '" + entry.get("name").asText() + "'" : "");
            try {
                ConnectionProfile profile = JSON.treeToValue(entry, ConnectionProfile.class);
                List<String> invalid = profile.problems();
                if (profile.isBuiltIn()) {
                    invalid = List.of("'" + profile.name() + "' is a built-in name");
                } else if (userProfiles.containsKey(profile.name())) {
                    invalid = List.of("the name is used twice");
                }
                if (invalid.isEmpty()) {
                    userProfiles.put(profile.name(), profile);
                    if (entry instanceof ObjectNode asRead) {
                        entriesAsRead.put(profile.name(), asRead);
                    }
                } else {
                    unreadableEntries.add(entry);
                    problems.add(file + ": " + label + ": " + String.join("; ", invalid));
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                unreadableEntries.add(entry);
                String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
                problems.add(file + ": " + label + ": " + firstLine(why));
            }
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (fileUnreadable && Files.exists(file)) {
                Path backup = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
                Files.copy(file, backup);
                problems.add(file + ": was unreadable; the old content was kept in " + backup);
                fileUnreadable = false;
            }
            ObjectNode root = JSON.createObjectNode();
            ArrayNode entries = root.putArray("profiles");
            userProfiles.values().forEach(p -> entries.add(entry(p, entriesAsRead.get(p.name()))));
            unreadableEntries.forEach(entries::add);
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
