package org.cruddur.console.ui.oplog;

import java.util.Locale;
import org.cruddur.console.service.oplog.OperationLogEntry;

/** What a screen reader says for an operation-log row: the call, its table and key, how it went. */
public final class SpokenCall {

    private SpokenCall() {
    }

    /** "Query on cruddur-messages, pk = MSG#…, 20 items, 12 ms" or "…, failed: ResourceNotFoundException …". */
    public static String of(OperationLogEntry e) {
        StringBuilder b = new StringBuilder(e.operationAndPurpose());
        if (e.table() != null) {
            b.append(" on ").append(e.table());
        }
        if (e.keyCondition() != null && !e.keyCondition().isBlank()) {
            b.append(", ").append(e.keyCondition());
        }
        if (e.itemCount() != null) {
            b.append(", ").append(e.itemCount()).append(e.itemCount() == 1 ? " item" : " items");
        }
        b.append(", ").append(e.latency().toMillis()).append(" ms");
        if (e.consumedCapacity() != null) {
            b.append(String.format(Locale.ROOT, ", %.1f capacity units", e.consumedCapacity()));
        }
        if (e.failed()) {
            b.append(", failed: ").append(e.error());
        }
        return b.toString();
    }
}
