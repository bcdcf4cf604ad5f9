package org.cruddur.console.service;

/**
 * An expected failure with a one-line message meant for people: front ends print {@link #getMessage()}
 * and never a stack trace.
 */
public class ConsoleException extends RuntimeException {

    /** What went wrong, so front ends can pick an exit code, an icon or a retry. */
    public enum Kind {
        VALIDATION, NOT_FOUND, READ_ONLY, TABLE_MISSING, UNREACHABLE, CREDENTIALS,
        /** The AWS profile's IAM Identity Center session is missing or expired: signing in fixes it. */
        SIGN_IN,
        THROTTLED, CONFIG, CANCELLED, OTHER
    }

    private final Kind kind;

    public ConsoleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ConsoleException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ConsoleException validation(String message) {
        return new ConsoleException(Kind.VALIDATION, message);
    }

    public static ConsoleException notFound(String message) {
        return new ConsoleException(Kind.NOT_FOUND, message);
    }
}
