package org.cruddur.console.service;

import java.time.Duration;
import java.time.Instant;

/**
 * One DynamoDB call as the operation log shows it.
 *
 * @param keyCondition the key condition or key, with its values filled in; null for calls without one
 * @param itemCount items read or written; null where the call has none
 * @param consumedCapacity capacity units from ReturnConsumedCapacity TOTAL; null where the server reported none
 * @param awsCli the equivalent {@code aws dynamodb ...} command line
 * @param error the one-line failure, null on success
 */
public record OperationLogEntry(
        Instant startedAt,
        String operation,
        String table,
        String keyCondition,
        Integer itemCount,
        Duration latency,
        Double consumedCapacity,
        String awsCli,
        String error) {

    public boolean failed() {
        return error != null;
    }

    /** A one-line summary: {@code Query cruddur-messages pk = "MSG#..." → 50 items, 12 ms, 3.5 RCU}. */
    public String summary() {
        StringBuilder b = new StringBuilder(operation);
        if (table != null) {
            b.append(' ').append(table);
        }
        if (keyCondition != null) {
            b.append(" [").append(keyCondition).append(']');
        }
        if (error != null) {
            b.append(" FAILED: ").append(error);
        } else if (itemCount != null) {
            b.append(" → ").append(itemCount).append(itemCount == 1 ? " item" : " items");
        }
        b.append(", ").append(latency.toMillis()).append(" ms");
        if (consumedCapacity != null) {
            b.append(", ").append(String.format(java.util.Locale.ROOT, "%.1f", consumedCapacity)).append(" CU");
        }
        return b.toString();
    }
}
