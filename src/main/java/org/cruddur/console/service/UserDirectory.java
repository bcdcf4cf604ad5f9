package org.cruddur.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The people the console knows: the seed users, then everyone named by a group row in the table (each group row
 * carries the other participant's uuid, handle and display name). Resolves {@code @handle}, handle or uuid.
 */
public final class UserDirectory {

    private final DynamoSession session;
    private final List<ChatUser> seedUsers;
    private volatile Map<String, ChatUser> tableUsers;

    public UserDirectory(DynamoSession session, List<ChatUser> seedUsers) {
        this.session = session;
        this.seedUsers = List.copyOf(seedUsers);
    }

    public List<ChatUser> seedUsers() {
        return seedUsers;
    }

    /** Everyone, seed users first; reads the table's group rows once and caches them until {@link #refresh()}. */
    public List<ChatUser> all() {
        Map<String, ChatUser> merged = new LinkedHashMap<>();
        seedUsers.forEach(u -> merged.put(u.uuid(), u));
        tableUsers().forEach(merged::putIfAbsent);
        return new ArrayList<>(merged.values());
    }

    public void refresh() {
        tableUsers = null;
    }

    /** Adds or updates a person just seen (e.g. a post), without another table read. */
    public void remember(ChatUser user) {
        Map<String, ChatUser> known = tableUsers;
        if (known != null) {
            known.put(user.uuid(), user);
        }
    }

    /** Finds by uuid, {@code @handle} or handle (handles compare without case). */
    public Optional<ChatUser> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.trim();
        Optional<ChatUser> seed = match(seedUsers, ref);
        return seed.isPresent() ? seed : match(tableUsers().values(), ref);
    }

    public ChatUser resolve(String reference) {
        return find(reference).orElseThrow(() -> ConsoleException.notFound("Unknown user '" + reference
                + "': not in the seed users and not named by any conversation in '" + session.tableName() + "'"));
    }

    private static Optional<ChatUser> match(java.util.Collection<ChatUser> users, String ref) {
        if (ref.startsWith("@")) {
            String handle = ref.substring(1).toLowerCase(Locale.ROOT);
            return users.stream().filter(u -> u.handle() != null && u.handle().toLowerCase(Locale.ROOT).equals(handle)).findFirst();
        }
        Optional<ChatUser> byUuid = users.stream().filter(u -> ref.equalsIgnoreCase(u.uuid())).findFirst();
        if (byUuid.isPresent()) {
            return byUuid;
        }
        String handle = ref.toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> u.handle() != null && u.handle().toLowerCase(Locale.ROOT).equals(handle)).findFirst();
    }

    private Map<String, ChatUser> tableUsers() {
        Map<String, ChatUser> known = tableUsers;
        if (known == null) {
            known = readTableUsers();
            tableUsers = known;
        }
        return known;
    }

    private Map<String, ChatUser> readTableUsers() {
        ScanRequest scan = ScanRequest.builder()
                .tableName(session.tableName())
                .filterExpression("begins_with(pk, :grp)")
                .projectionExpression("user_uuid, user_handle, user_display_name")
                .expressionAttributeValues(Map.of(":grp", AttributeValue.fromS(TableItems.GROUP_PREFIX)))
                .build();
        Map<String, ChatUser> users = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            session.call(c -> {
                c.scanPaginator(scan).items().forEach(item -> {
                    String uuid = TableItems.text(item, TableItems.USER_UUID);
                    if (uuid != null) {
                        users.putIfAbsent(uuid, new ChatUser(uuid, TableItems.text(item, TableItems.USER_HANDLE),
                                TableItems.text(item, TableItems.USER_DISPLAY_NAME)));
                    }
                });
                return null;
            });
        } catch (ConsoleException e) {
            if (e.kind() != ConsoleException.Kind.TABLE_MISSING) {
                throw e;
            }
        }
        return users;
    }
}
