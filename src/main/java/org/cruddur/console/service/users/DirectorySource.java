package org.cruddur.console.service.users;

import java.util.Locale;

/** Where the directory learnt about a person. */
public enum DirectorySource {
    /** The seed users file (or the built-in demo people). */
    SEED,
    /** A group row of the messages table names them (they have messaged or been messaged). */
    TABLE,
    /** The profile's Cognito user pool. */
    COGNITO;

    /** "seed", "table", "cognito": the spelling of the CLI's JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
