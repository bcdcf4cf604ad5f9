package org.cruddur.console.service.users;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The people the console knows: the seed users, then everyone named by a group row in the table (each group row
 * carries the other participant's uuid, handle and display name). Resolves {@code @handle}, handle or uuid.
 * <p>
 * With the profile's Cognito user pool it is also the full user directory ({@link #directory()}, {@link #lookup}):
 * one {@link DirectoryEntry} per person merged from seed users, table and Cognito, with sources and problems. When
 * Cognito (or the table) cannot be read the directory is built from the other sources and its notes say what is
 * missing. Calls that read the table or Cognito block: call them off any UI thread.
 */
public final class UserDirectory {

    private final DynamoSession session;
    private final List<ChatUser> seedUsers;
    private final CognitoUserSource cognito;
    private final String cognitoMissing;
    /** What was read from the table and Cognito; the lock guards these and the counters below. */
    private final Object lock = new Object();
    private Map<String, ChatUser> tableUsers;
    private DirectoryListing listing;
    /** People seen since the last refresh (a post): kept whatever a read in flight brings back. */
    private final Map<String, ChatUser> remembered = new LinkedHashMap<>();
    /** Bumped by {@link #refresh()}: a read that started before keeps nothing. */
    private long refreshes;
    /** Bumped by {@link #refresh()} and {@link #remember}: a listing built before is not kept. */
    private long changes;

    /** Without Cognito (the directory notes that it is not configured). */
    public UserDirectory(DynamoSession session, List<ChatUser> seedUsers) {
        this(session, seedUsers, null);
    }

    /** With the user pool {@code cognito}, or null when the profile has none. The caller closes {@code cognito}. */
    public UserDirectory(DynamoSession session, List<ChatUser> seedUsers, CognitoUserSource cognito) {
        this(session, seedUsers, cognito, null);
    }

    /** {@code cognitoMissing}: why there is no Cognito source (shown as the directory's note), when {@code cognito} is null. */
    public UserDirectory(DynamoSession session, List<ChatUser> seedUsers, CognitoUserSource cognito, String cognitoMissing) {
        this.session = session;
        this.seedUsers = List.copyOf(seedUsers);
        this.cognito = cognito;
        this.cognitoMissing = cognito != null ? null : cognitoMissing != null ? cognitoMissing
                : CognitoUserSource.missingConfiguration(session.profile()).orElse("Cognito is not configured for this directory");
    }

    /** The profile's user pool, if it has one. */
    public Optional<CognitoUserSource> cognito() {
        return Optional.ofNullable(cognito);
    }

    /**
     * Everyone from all three sources, merged and sorted by handle; read once and cached until {@link #refresh()}.
     * Never fails because Cognito or the table cannot be read: the listing's notes say so instead.
     */
    public DirectoryListing directory() {
        long changesBefore;
        synchronized (lock) {
            if (listing != null) {
                return listing;
            }
            changesBefore = changes;
        }
        List<String> notes = new ArrayList<>();
        Collection<ChatUser> table = tableUsersOrNote(notes);
        List<CognitoUser> cognitoUsers = readCognito(source -> source.list(), notes);
        boolean cognitoRead = cognitoUsers != null;
        DirectoryListing read = new DirectoryListing(DirectoryMerge.merge(seedUsers, table, cognitoRead ? cognitoUsers : List.of(), cognitoRead),
                notes, cognitoRead);
        synchronized (lock) {
            // a refresh or a newly remembered person during the read: this listing is already out of date
            if (changes == changesBefore) {
                listing = read;
            }
        }
        return read;
    }

    /**
     * The people a reference names: a uuid (table uuid or Cognito sub), {@code @handle} (ignoring case), an email or
     * its prefix (ignoring case), or a bare word (handle, email prefix or Cognito user name). Exact matches win over
     * prefix matches. Uses the cached {@link #directory()} when there is one; otherwise asks Cognito with server-side
     * filters ({@code sub =}, {@code preferred_username =}, {@code email ^=}) and reads the whole pool only when those
     * cannot be conclusive (e.g. a handle that differs in case). Empty entries when nobody matches.
     */
    public DirectoryListing lookup(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ConsoleException.validation("Name a user: a uuid, @handle, email or Cognito sub");
        }
        Reference ref = Reference.of(reference.trim());
        DirectoryListing cached;
        synchronized (lock) {
            cached = listing;
        }
        if (cached != null) {
            return new DirectoryListing(ref.select(cached.entries()), cached.notes(), cached.cognitoRead());
        }
        List<String> notes = new ArrayList<>();
        Collection<ChatUser> table = tableUsersOrNote(notes);
        List<CognitoUser> cognitoUsers = readCognito(source -> cognitoCandidates(ref, table), notes);
        boolean cognitoRead = cognitoUsers != null;
        List<DirectoryEntry> merged = DirectoryMerge.merge(seedUsers, table, cognitoRead ? cognitoUsers : List.of(), cognitoRead);
        return new DirectoryListing(ref.select(merged), notes, cognitoRead);
    }

    /** Cognito's answer, or null with a note when the profile has no pool or Cognito cannot be read. */
    private List<CognitoUser> readCognito(java.util.function.Function<CognitoUserSource, List<CognitoUser>> read, List<String> notes) {
        if (cognito == null) {
            notes.add(cognitoMissing);
            return null;
        }
        try {
            return read.apply(cognito);
        } catch (ConsoleException e) {
            notes.add(cognitoNote(e));
            return null;
        }
    }

    /** The one person a reference names; NOT_FOUND when nobody, VALIDATION when several do. */
    public DirectoryEntry lookupOne(String reference) {
        return requireOne(lookup(reference), reference);
    }

    /** The one person of a {@link #lookup} result; NOT_FOUND when nobody, VALIDATION when several. */
    public DirectoryEntry requireOne(DirectoryListing found, String reference) {
        if (found.entries().isEmpty()) {
            String missing = found.notes().isEmpty() ? "" : " (" + String.join("; ", found.notes()) + ")";
            throw ConsoleException.notFound("No user '" + reference + "' in the seed users, the table '"
                    + session.tableName() + "' or Cognito" + missing);
        }
        if (found.entries().size() > 1) {
            throw ConsoleException.validation(found.entries().size() + " users match '" + reference + "': "
                    + String.join(", ", found.entries().stream().map(DirectoryEntry::label).toList()));
        }
        return found.entries().get(0);
    }

    /** Cognito users that can matter for {@code ref}: server-side filtered, or the whole pool when that is inconclusive. */
    private List<CognitoUser> cognitoCandidates(Reference ref, Collection<ChatUser> table) {
        Map<String, CognitoUser> found = new LinkedHashMap<>();
        List<CognitoFilter> filters = new ArrayList<>(ref.cognitoFilters());
        if (ref.kind() == Reference.Kind.HANDLE || ref.kind() == Reference.Kind.ANY) {
            caseVariants(ref.text()).forEach(v -> filters.add(CognitoFilter.equalTo(CognitoUser.HANDLE, v)));
        }
        List<ChatUser> local = new ArrayList<>(seedUsers);
        local.addAll(table);
        List<ChatUser> localMatches = local.stream().filter(ref::matches).toList();
        for (ChatUser u : localMatches) {
            if (u.handle() != null) {
                filters.add(CognitoFilter.equalTo(CognitoUser.HANDLE, u.handle()));
            }
            if (u.handle() != null) {
                // Cognito compares case-sensitively: also ask for the usual other spellings, so a second Cognito user
                // with the same handle in another case (a DUPLICATE_HANDLE) is seen without reading the whole pool
                caseVariants(u.handle()).forEach(v -> filters.add(CognitoFilter.equalTo(CognitoUser.HANDLE, v)));
            }
            if (u.cognitoUserId() != null && !u.cognitoUserId().isBlank()) {
                filters.add(CognitoFilter.equalTo(CognitoUser.SUB, u.cognitoUserId()));
            }
        }
        java.util.Set<String> handlesFound = new java.util.HashSet<>();
        for (CognitoFilter filter : filters.stream().distinct().toList()) {
            List<CognitoUser> hits = cognito.list(filter);
            hits.forEach(c -> found.putIfAbsent(c.username(), c));
            if (!hits.isEmpty() && filter.attribute().equals(CognitoUser.HANDLE)) {
                handlesFound.add(filter.value().toLowerCase(Locale.ROOT));
            }
        }
        // a local person whose handle Cognito has in none of the spellings asked: only the whole pool can tell whether
        // it is there in another case or missing
        boolean conclusive = localMatches.stream().allMatch(u -> u.handle() == null
                || handlesFound.contains(u.handle().toLowerCase(Locale.ROOT)));
        if (!conclusive || found.isEmpty()) {
            return cognito.list();
        }
        return new ArrayList<>(found.values());
    }

    private static List<String> caseVariants(String handle) {
        String lower = handle.toLowerCase(Locale.ROOT);
        String upper = handle.toUpperCase(Locale.ROOT);
        String capitalized = lower.isEmpty() ? lower : upper.substring(0, 1) + lower.substring(1);
        return java.util.stream.Stream.of(lower, upper, capitalized).filter(v -> !v.equals(handle)).distinct().toList();
    }

    private Collection<ChatUser> tableUsersOrNote(List<String> notes) {
        try {
            return tableUsers().values();
        } catch (ConsoleException e) {
            notes.add("Cannot read the users of table '" + session.tableName() + "': " + e.getMessage());
            return List.of();
        }
    }

    private String cognitoNote(ConsoleException e) {
        return e.getMessage() + " (directory built from seed users and table only)";
    }

    /** What a user reference names, and how to look for it locally and in Cognito. */
    private record Reference(String text, Kind kind) {
        enum Kind { UUID, HANDLE, EMAIL, ANY }

        static Reference of(String text) {
            if (text.startsWith("@")) {
                return new Reference(text.substring(1), Kind.HANDLE);
            }
            try {
                UUID.fromString(text);
                return new Reference(text, Kind.UUID);
            } catch (IllegalArgumentException notUuid) {
                return new Reference(text, text.contains("@") ? Kind.EMAIL : Kind.ANY);
            }
        }

        List<CognitoFilter> cognitoFilters() {
            return switch (kind) {
                case UUID -> List.of(CognitoFilter.equalTo(CognitoUser.SUB, text));
                case HANDLE -> List.of(CognitoFilter.equalTo(CognitoUser.HANDLE, text));
                case EMAIL -> List.of(CognitoFilter.startsWith(CognitoUser.EMAIL, text));
                case ANY -> List.of(CognitoFilter.equalTo(CognitoUser.HANDLE, text),
                        CognitoFilter.startsWith(CognitoUser.EMAIL, text), CognitoFilter.equalTo("username", text));
            };
        }

        boolean matches(ChatUser u) {
            return switch (kind) {
                case UUID -> text.equalsIgnoreCase(u.uuid()) || text.equalsIgnoreCase(u.cognitoUserId());
                case HANDLE -> text.equalsIgnoreCase(u.handle());
                case EMAIL -> startsWithIgnoringCase(u.email(), text);
                case ANY -> text.equalsIgnoreCase(u.handle()) || startsWithIgnoringCase(u.email(), text);
            };
        }

        boolean matches(DirectoryEntry e) {
            return switch (kind) {
                case UUID -> text.equalsIgnoreCase(e.userUuid()) || text.equalsIgnoreCase(e.cognitoSub());
                case HANDLE -> text.equalsIgnoreCase(e.handle());
                case EMAIL -> startsWithIgnoringCase(e.email(), text);
                case ANY -> text.equalsIgnoreCase(e.handle()) || startsWithIgnoringCase(e.email(), text)
                        || text.equals(e.cognitoUsername());
            };
        }

        /** Names the person fully: uuid, sub, whole email, or handle / Cognito user name ignoring case. */
        boolean exact(DirectoryEntry e) {
            return switch (kind) {
                case UUID -> true;
                case HANDLE -> text.equalsIgnoreCase(e.handle());
                case EMAIL -> text.equalsIgnoreCase(e.email());
                case ANY -> text.equalsIgnoreCase(e.handle()) || text.equals(e.cognitoUsername()) || text.equalsIgnoreCase(e.email());
            };
        }

        /** Names the person with the very same letters (handle in the same case). */
        boolean exactCase(DirectoryEntry e) {
            return kind == Kind.UUID || kind == Kind.EMAIL ? exact(e) : text.equals(e.handle()) || text.equals(e.cognitoUsername());
        }

        /** Exact matches win over prefix matches, and among handles the same case wins over another case. */
        List<DirectoryEntry> select(List<DirectoryEntry> entries) {
            List<DirectoryEntry> matching = entries.stream().filter(this::matches).toList();
            List<DirectoryEntry> exact = matching.stream().filter(this::exact).toList();
            List<DirectoryEntry> exactCase = exact.stream().filter(this::exactCase).toList();
            return !exactCase.isEmpty() ? exactCase : !exact.isEmpty() ? exact : matching;
        }

        private static boolean startsWithIgnoringCase(String value, String prefix) {
            return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
        }
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

    /** Forgets what was read from the table and Cognito; the next call reads them again. */
    public void refresh() {
        synchronized (lock) {
            tableUsers = null;
            listing = null;
            remembered.clear();
            refreshes++;
            changes++;
        }
    }

    /** Adds or updates a person just seen (e.g. a post), without another table read. */
    public void remember(ChatUser user) {
        synchronized (lock) {
            remembered.put(user.uuid(), user);
            if (tableUsers != null) {
                tableUsers.put(user.uuid(), user);
            }
            listing = null;
            changes++;
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
        long refreshesBefore;
        synchronized (lock) {
            if (tableUsers != null) {
                return tableUsers;
            }
            refreshesBefore = refreshes;
        }
        Map<String, ChatUser> read = readTableUsers();
        synchronized (lock) {
            read.putAll(remembered); // seen after the table was read, or while it was
            if (refreshes == refreshesBefore && tableUsers == null) {
                tableUsers = read;
            }
        }
        return read;
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
