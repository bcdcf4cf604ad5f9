package org.cruddur.console.service.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cruddur.console.service.items.ChatUser;

/**
 * Merges the three sources into one entry per person. Seed and table users are the same person when their uuid is
 * the same. A Cognito user belongs to a seed/table person when the seed file's {@code cognito_user_id} is its sub,
 * else when its {@code preferred_username} equals the person's handle (as the reference's update_cognito_user_ids
 * did), else when it equals the handle ignoring case (flagged). A Cognito user matching nobody is a person of its own.
 */
public final class DirectoryMerge {

    private DirectoryMerge() {
    }

    /** Comparator of the directory's order: by handle ignoring case, people without a handle last. */
    public static final Comparator<DirectoryEntry> ORDER = Comparator
            .comparing((DirectoryEntry e) -> e.handle() == null ? "\uffff" : e.handle().toLowerCase(Locale.ROOT))
            .thenComparing(e -> Objects.toString(e.userUuid(), ""))
            .thenComparing(e -> Objects.toString(e.cognitoSub(), ""));

    private static final class Person {
        String uuid;
        String handle;
        String displayName;
        String email;
        String seedCognitoId;
        CognitoUser cognito;
        final Set<DirectorySource> sources = EnumSet.noneOf(DirectorySource.class);
        final List<DirectoryProblem> problems = new ArrayList<>();

        void problem(DirectoryProblem.Kind kind, String message) {
            problems.add(new DirectoryProblem(kind, message));
        }
    }

    /**
     * @param seed        the seed users
     * @param table       the users named by group rows (handle or display name may be null when a row lacks them)
     * @param cognito     the Cognito users read (empty when not read)
     * @param cognitoRead whether Cognito was read; without it nobody is flagged "not in Cognito"
     */
    public static List<DirectoryEntry> merge(Collection<ChatUser> seed, Collection<ChatUser> table,
                                             Collection<CognitoUser> cognito, boolean cognitoRead) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (ChatUser u : seed) {
            Person p = people.computeIfAbsent(u.uuid(), k -> new Person());
            p.uuid = u.uuid();
            p.handle = u.handle();
            p.displayName = u.displayName();
            p.email = u.email();
            p.seedCognitoId = blankToNull(u.cognitoUserId());
            p.sources.add(DirectorySource.SEED);
        }
        for (ChatUser u : table) {
            Person p = people.computeIfAbsent(u.uuid(), k -> new Person());
            p.uuid = u.uuid();
            if (u.handle() != null) {
                p.handle = u.handle();
            } else {
                p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "a group row naming " + u.uuid() + " has no user_handle");
            }
            if (u.displayName() != null) {
                p.displayName = u.displayName();
            } else {
                p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "a group row naming " + u.uuid() + " has no user_display_name");
            }
            p.sources.add(DirectorySource.TABLE);
        }

        List<Person> all = new ArrayList<>(people.values());
        if (cognitoRead) {
            matchCognito(all, cognito);
        }
        for (Person p : all) {
            if (cognitoRead && p.cognito == null && p.sources.contains(DirectorySource.TABLE)) {
                p.problem(DirectoryProblem.Kind.NOT_IN_COGNITO, "in the table but no Cognito user has preferred_username '"
                        + p.handle + "'");
            }
            if (p.cognito != null && !p.sources.contains(DirectorySource.TABLE)) {
                p.problem(DirectoryProblem.Kind.NEVER_MESSAGED, "in Cognito but no conversation in the table names "
                        + (p.handle == null ? "them" : "@" + p.handle));
            }
        }
        return all.stream().map(DirectoryMerge::entry).sorted(ORDER).toList();
    }

    private static void matchCognito(List<Person> people, Collection<CognitoUser> cognito) {
        Map<String, CognitoUser> bySub = new HashMap<>();
        Map<String, CognitoUser> byHandle = new HashMap<>();
        Map<String, List<CognitoUser>> byLowerHandle = new HashMap<>();
        for (CognitoUser c : cognito) {
            if (c.sub() != null) {
                bySub.put(c.sub(), c);
            }
            if (c.handle() != null) {
                byHandle.putIfAbsent(c.handle(), c);
                byLowerHandle.computeIfAbsent(c.handle().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
            }
        }
        Set<CognitoUser> claimed = new HashSet<>();
        // 1. the seed file's cognito_user_id, 2. the exact handle, 3. the handle ignoring case: each pass before the
        // next, so an exact match is never taken by someone matching only without case
        for (Person p : people) {
            CognitoUser c = p.seedCognitoId == null ? null : bySub.get(p.seedCognitoId);
            if (c != null && claimed.add(c)) {
                p.cognito = c;
            }
        }
        for (Person p : people) {
            if (p.cognito == null && p.handle != null) {
                CognitoUser c = byHandle.get(p.handle);
                if (c != null && claimed.add(c)) {
                    p.cognito = c;
                }
            }
        }
        for (Person p : people) {
            if (p.cognito == null && p.handle != null) {
                for (CognitoUser c : byLowerHandle.getOrDefault(p.handle.toLowerCase(Locale.ROOT), List.of())) {
                    if (claimed.add(c)) {
                        p.cognito = c;
                        break;
                    }
                }
            }
        }
        for (Person p : people) {
            if (p.cognito != null) {
                attach(p, p.cognito, byLowerHandle);
            }
            if (p.seedCognitoId != null && (p.cognito == null || !p.seedCognitoId.equals(p.cognito.sub()))) {
                p.problem(DirectoryProblem.Kind.COGNITO_ID_MISMATCH, "the seed file's cognito_user_id " + p.seedCognitoId
                        + (p.cognito == null ? " is no Cognito user's sub" : " is not the sub " + p.cognito.sub()
                        + " of Cognito user '" + p.cognito.username() + "'"));
            }
        }
        for (CognitoUser c : cognito) {
            if (!claimed.contains(c)) {
                Person p = new Person();
                p.handle = c.handle();
                p.displayName = c.displayName();
                attach(p, c, byLowerHandle);
                people.add(p);
            }
        }
    }

    private static void attach(Person p, CognitoUser c, Map<String, List<CognitoUser>> byLowerHandle) {
        p.cognito = c;
        p.sources.add(DirectorySource.COGNITO);
        if (c.email() != null) {
            p.email = c.email();
        }
        if (p.displayName == null) {
            p.displayName = c.displayName();
        }
        if (c.handle() == null) {
            p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "Cognito user '" + c.username() + "' has no preferred_username");
        } else {
            if (p.handle != null && !p.handle.equals(c.handle()) && p.handle.equalsIgnoreCase(c.handle())) {
                p.problem(DirectoryProblem.Kind.HANDLE_CASE_DIFFERS, "handle '" + p.handle + "' is '" + c.handle() + "' in Cognito");
            }
            List<CognitoUser> same = byLowerHandle.getOrDefault(c.handle().toLowerCase(Locale.ROOT), List.of());
            if (same.size() > 1) {
                p.problem(DirectoryProblem.Kind.DUPLICATE_HANDLE, same.size() + " Cognito users have preferred_username '"
                        + c.handle() + "' (ignoring case): " + String.join(", ", same.stream().map(CognitoUser::username).sorted().toList()));
            }
        }
        if (c.displayName() == null) {
            p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "Cognito user '" + c.username() + "' has no name");
        }
        if (c.email() == null) {
            p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "Cognito user '" + c.username() + "' has no email");
        }
        if (c.sub() == null) {
            p.problem(DirectoryProblem.Kind.MISSING_ATTRIBUTE, "Cognito user '" + c.username() + "' has no sub");
        }
    }

    private static DirectoryEntry entry(Person p) {
        CognitoUser c = p.cognito;
        return new DirectoryEntry(p.uuid, p.handle, p.displayName, p.email, c == null ? null : c.sub(),
                c == null ? null : c.username(), c == null ? null : c.enabled(), c == null ? null : c.status(),
                p.sources, p.problems);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
