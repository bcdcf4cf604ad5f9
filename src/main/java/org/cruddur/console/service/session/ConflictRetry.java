package org.cruddur.console.service.session;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.cruddur.console.service.ConsoleException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one retry rule of the conditional transactions that keep a conversation's rows true (posting, health repair,
 * moderation): a transaction cancelled by a failed condition or a concurrent transaction is read again and retried,
 * after a short jittered pause, up to {@value #MAX_ATTEMPTS} attempts.
 */
public final class ConflictRetry {

    public static final int MAX_ATTEMPTS = 50;

    private ConflictRetry() {
    }

    /** Whether the cancellation came from a condition or another transaction (worth a re-read), not from bad input. */
    public static boolean isConflict(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).filter(Objects::nonNull)
                .anyMatch(code -> code.equals("ConditionalCheckFailed") || code.equals("TransactionConflict"));
    }

    /**
     * After attempt {@code attempt} failed on a conflict: gives up with {@code tooBusy(attempt)} (THROTTLED) once the
     * attempts are used up, else sleeps 1 ms to min(200, 5·2^attempt) ms; an interrupt ends it as CANCELLED with {@code cancelled}.
     */
    public static void giveUpOrBackoff(int attempt, IntFunction<String> tooBusy, String cancelled) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new ConsoleException(ConsoleException.Kind.THROTTLED, tooBusy.apply(attempt));
        }
        long cap = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, cancelled);
        }
    }
}
