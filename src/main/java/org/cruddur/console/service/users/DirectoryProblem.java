package org.cruddur.console.service.users;

import java.util.Locale;

/** Something about a person that does not add up across the sources, with a one-line explanation. */
public record DirectoryProblem(Kind kind, String message) {

    public enum Kind {
        /** Named by the table, but no Cognito user has their handle (only raised when Cognito was read). */
        NOT_IN_COGNITO,
        /** A Cognito user no group row names: they never messaged or were messaged. */
        NEVER_MESSAGED,
        /** The Cognito preferred_username equals the table/seed handle only when case is ignored. */
        HANDLE_CASE_DIFFERS,
        /** A Cognito attribute (preferred_username, name, email) or a table field (user_handle, ...) is missing. */
        MISSING_ATTRIBUTE,
        /** More than one Cognito user has this preferred_username (ignoring case): the match by handle is ambiguous. */
        DUPLICATE_HANDLE,
        /** The seed file's cognito_user_id is not the sub of the Cognito user with this handle (or of anyone). */
        COGNITO_ID_MISMATCH;

        /** "not_in_cognito", ...: the spelling of the CLI's JSON. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String code() {
        return kind.code();
    }

    @Override
    public String toString() {
        return code() + ": " + message;
    }
}
