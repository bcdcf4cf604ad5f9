package org.cruddur.console.ui.background;

import org.cruddur.console.config.ConfigException;
import org.cruddur.console.service.ConsoleException;

/** The one-line text people see for a failure: never a stack trace. */
public final class OneLineError {

    private OneLineError() {
    }

    public static String of(Throwable failure) {
        Throwable t = failure;
        // unwrap the executor's wrappers down to what the service threw
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ConsoleException ce) {
            return firstLine(ce.getMessage()) + remedy(ce.kind());
        }
        if (t instanceof ConfigException) {
            return firstLine(t.getMessage());
        }
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? "Unexpected failure (" + kind + ")" : kind + ": " + firstLine(message);
    }

    /** The service's messages are front-end neutral; the console names its own way out. */
    private static String remedy(ConsoleException.Kind kind) {
        return switch (kind) {
            case READ_ONLY -> " (unlock writes first: Writes › Unlock writes…, Ctrl+Shift+U)";
            case TABLE_MISSING -> " (load the schema first: Admin › Load schema)";
            case SIGN_IN -> " (Sign in again…)";
            default -> "";
        };
    }

    /** A failure the console expects (and words for people): no stack trace needed. Anything else is logged with one. */
    public static boolean isExpected(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof ConsoleException || t instanceof ConfigException || isCancellation(t);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static boolean isCancellation(Throwable failure) {
        return failure instanceof ConsoleException ce && ce.kind() == ConsoleException.Kind.CANCELLED
                || failure instanceof InterruptedException
                || failure instanceof java.util.concurrent.CancellationException;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
