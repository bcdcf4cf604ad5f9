package org.cruddur.console.service.health;

import java.util.List;
import java.util.Map;

/**
 * The result of a check: items read, conversations seen, the findings (at most {@link FindingList#MAX_LISTED} are
 * listed; {@code counts} counts every one), and the read capacity the scan consumed.
 */
public record HealthReport(long itemsScanned, long conversations, List<Finding> findings, Map<FindingKind, Long> counts,
                           double consumedCapacity) {

    public HealthReport {
        findings = List.copyOf(findings);
        counts = Map.copyOf(counts);
    }

    /** Whether any error or warning was found (what makes {@code ddb check} exit 3). */
    public boolean hasProblems() {
        return counts.entrySet().stream().anyMatch(e -> e.getValue() > 0 && e.getKey().severity() != Severity.INFO);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Findings counted but not listed, because a badly broken table would otherwise fill memory with them. */
    public long unlisted() {
        return total() - findings.size();
    }
}
