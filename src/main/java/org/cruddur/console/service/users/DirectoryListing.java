package org.cruddur.console.service.users;

import java.util.List;
import java.util.Optional;

/**
 * People of the directory, plus what it could not read: {@code notes} holds one line per missing source
 * ("Cognito is not configured ...", "Cannot reach Cognito at ...") and is empty when every source answered.
 *
 * @param cognitoRead whether Cognito was read (only then are "not in Cognito" problems raised)
 */
public record DirectoryListing(List<DirectoryEntry> entries, List<String> notes, boolean cognitoRead) {

    public DirectoryListing {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** The one entry, when exactly one person is listed. */
    public Optional<DirectoryEntry> single() {
        return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
    }

    /** The people whose handle, name, email, uuid or sub contain {@code text}, for a picker's search box. */
    public List<DirectoryEntry> search(String text) {
        return entries.stream().filter(e -> e.matchesText(text)).toList();
    }
}
