package org.cruddur.console.service.health;

/** Where a check or repair is: the phase ("scan", "repair"), done of total, and the read pace beside it. */
@FunctionalInterface
public interface HealthProgress {

    HealthProgress NONE = (phase, done, total, rcuPerSecond, consumed) -> { };

    /** {@code total} is approximate during the scan (DynamoDB's item count, updated every few hours). */
    void update(String phase, long done, long total, double rcuPerSecond, double consumedCapacity);
}
