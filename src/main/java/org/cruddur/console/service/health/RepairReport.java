package org.cruddur.console.service.health;

import java.util.List;

/**
 * What a repair did (or, dry-run, would do): the check it started from, the transactions written per conversation,
 * how many times a conversation was re-read because a post landed during its repair, and the conversations it left
 * alone with the reason.
 */
public record RepairReport(HealthReport before, List<ConversationWrite> writes, int retries, List<String> skipped, boolean dryRun) {

    public RepairReport {
        writes = List.copyOf(writes);
        skipped = List.copyOf(skipped);
    }

    public long rowsDeleted() {
        return writes.stream().mapToLong(w -> w.delete().size()).sum();
    }

    public long rowsPut() {
        return writes.stream().mapToLong(w -> w.put().size()).sum();
    }
}
