package org.cruddur.console.service.users;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cruddur.console.service.items.ChatUser;

/**
 * One person as the directory knows them, merged from the seed users, the table and Cognito.
 *
 * @param userUuid        the uuid the messages table knows them by (null for a Cognito user who matches nobody)
 * @param handle          handle as the table (else the seed file, else Cognito's preferred_username) spells it
 * @param displayName     display name: table, else seed file, else Cognito's {@code name}
 * @param email           Cognito's email, else the seed file's
 * @param cognitoSub      the Cognito {@code sub}, when a Cognito user matched
 * @param cognitoUsername the Cognito user name, when a Cognito user matched
 * @param cognitoEnabled  null when no Cognito user matched
 * @param cognitoStatus   Cognito's UserStatus (CONFIRMED, FORCE_CHANGE_PASSWORD, ...), null when no Cognito user matched
 * @param sources         which of seed, table, cognito know the person
 * @param problems        what does not add up
 */
public record DirectoryEntry(String userUuid, String handle, String displayName, String email, String cognitoSub,
                             String cognitoUsername, Boolean cognitoEnabled, String cognitoStatus,
                             Set<DirectorySource> sources, List<DirectoryProblem> problems) {

    public DirectoryEntry {
        sources = Set.copyOf(sources);
        problems = List.copyOf(problems);
    }

    public boolean has(DirectorySource source) {
        return sources.contains(source);
    }

    public boolean has(DirectoryProblem.Kind problem) {
        return problems.stream().anyMatch(p -> p.kind() == problem);
    }

    /** Sources in a fixed order (seed, table, cognito). */
    public List<DirectorySource> sourceList() {
        return java.util.Arrays.stream(DirectorySource.values()).filter(sources::contains).toList();
    }

    /** "enabled, CONFIRMED", "disabled, ...", or "not in Cognito". */
    public String state() {
        if (cognitoEnabled == null) {
            return "not in Cognito";
        }
        return (cognitoEnabled ? "enabled" : "disabled") + (cognitoStatus == null ? "" : ", " + cognitoStatus);
    }

    /** The person as the messages service needs them (to open or start conversations); empty without a table uuid. */
    public Optional<ChatUser> chatUser() {
        if (userUuid == null) {
            return Optional.empty();
        }
        return Optional.of(new ChatUser(userUuid, handle, displayName, email, cognitoSub));
    }

    /** "@mara (Mara Quinlan)", or the Cognito user name when there is no handle. */
    public String label() {
        String who = handle != null ? "@" + handle : cognitoUsername != null ? cognitoUsername : userUuid;
        return displayName == null ? who : who + " (" + displayName + ")";
    }

    /** For a search box: the text appears (ignoring case) in the handle, name, email, uuid, sub or Cognito user name. */
    public boolean matchesText(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        if (needle.startsWith("@")) {
            return handle != null && handle.toLowerCase(Locale.ROOT).startsWith(needle.substring(1));
        }
        for (String field : new String[] {handle, displayName, email, userUuid, cognitoSub, cognitoUsername}) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
