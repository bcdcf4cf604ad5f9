package org.cruddur.console.service.users;

import java.util.Optional;

/** How people name a user on the command line or in a search box: a uuid, {@code @handle}, or a bare handle. */
public final class UserReference {

    private UserReference() {
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The uuid itself when the reference is one, so no directory look-up (a table scan) is needed for it. */
    public static Optional<String> asUuid(String reference) {
        return reference != null && UUID_TEXT.matcher(reference.trim()).matches()
                ? Optional.of(reference.trim().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** The uuid a reference names: itself, or the user the directory finds for a handle. */
    public static String uuidOf(String reference, UserDirectory users) {
        return asUuid(reference).orElseGet(() -> users.resolve(reference).uuid());
    }
}
