package org.cruddur.console.service.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.TableScanner;
import org.cruddur.console.service.health.HealthProgress;
import org.cruddur.console.service.health.HealthReport;
import org.cruddur.console.service.health.TableHealth;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Whole-table scans within a read-capacity budget, measured from the consumed capacity DynamoDB Local returns: over
 * every two-second window of the run, the read units consumed stay within 1.5x the budget.
 */
class ReadCapacityPacingTest {

    static MessagesTable table;

    @BeforeAll
    static void seed() {
        table = LocalDynamoDb.freshTable("pacing");
        table.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, 4, 3_000), (d, t) -> { }, () -> false);
    }

    @AfterAll
    static void close() {
        table.close();
    }

    /** A read's consumed capacity and when it was sent (the moment the budget let it go). */
    record Read(long atNanos, double units) {
    }

    private static List<Read> recordScans(Runnable scan) {
        List<Read> reads = new ArrayList<>();
        java.util.function.Consumer<org.cruddur.console.service.oplog.OperationLogEntry> listener = e -> {
            if (("Scan".equals(e.operation()) || "Query".equals(e.operation())) && e.consumedCapacity() != null) {
                synchronized (reads) {
                    java.time.Instant at = e.startedAt();
                    reads.add(new Read(at.getEpochSecond() * 1_000_000_000L + at.getNano(), e.consumedCapacity()));
                }
            }
        };
        table.session().log().addListener(listener);
        try {
            scan.run();
        } finally {
            table.session().log().removeListener(listener);
        }
        return reads;
    }

    /** The most read units consumed in any two-second window that starts at a read, per second. */
    private static double worstTwoSecondRate(List<Read> reads) {
        reads.sort(java.util.Comparator.comparingLong(Read::atNanos));
        double worst = 0;
        for (int i = 0; i < reads.size(); i++) {
            double sum = 0;
            for (int j = i; j < reads.size() && reads.get(j).atNanos() - reads.get(i).atNanos() <= 2_000_000_000L; j++) {
                sum += reads.get(j).units();
            }
            worst = Math.max(worst, sum / 2);
        }
        return worst;
    }

    @Test
    void aPacedFullScanStaysWithinOneAndAHalfTimesItsBudgetOverAnyTwoSeconds() {
        double budget = 15;
        ReadCapacityBudget paced = ReadCapacityBudget.of(budget);
        List<Read> reads = recordScans(() -> table.scanner().scanAll(4, null, items -> { }, (s, m, t) -> { }, () -> false, paced));
        double total = reads.stream().mapToDouble(Read::units).sum();
        // long enough to be a measurement: several budget-seconds of reads, in many answers
        assertThat(total).isGreaterThan(budget * 6);
        assertThat(reads.size()).isGreaterThan(20);
        assertThat(paced.consumedTotal()).isEqualTo(total, org.assertj.core.data.Offset.offset(1e-6));
        System.out.printf("pacing: budget %.1f RCU/s, %d reads, %.1f RCU in all, worst two seconds %.2f RCU/s%n",
                budget, reads.size(), total, worstTwoSecondRate(reads));
        assertThat(worstTwoSecondRate(reads)).isLessThanOrEqualTo(budget * 1.5);
    }

    @Test
    void theHealthCheckIsPacedTooAndSeesTheWholeTable() {
        double budget = 15;
        ReadCapacityBudget paced = ReadCapacityBudget.of(budget);
        HealthReport[] report = new HealthReport[1];
        List<Read> reads = recordScans(() -> report[0] = new TableHealth(table.session()).check(paced, HealthProgress.NONE, () -> false));
        assertThat(report[0].itemsScanned()).isEqualTo(3_000 + 8);
        assertThat(report[0].consumedCapacity()).isGreaterThan(budget * 6);
        assertThat(worstTwoSecondRate(reads)).isLessThanOrEqualTo(budget * 1.5);
    }

    @Test
    void unpacedReadsAreMeasuredButNotLimited() {
        ReadCapacityBudget unpaced = ReadCapacityBudget.unpaced();
        TableScanner.ScanSummary summary = table.scanner().scanAll(4, null, items -> { }, (s, m, t) -> { }, () -> false, unpaced);
        assertThat(summary.scanned()).isEqualTo(3_000 + 8);
        assertThat(unpaced.paced()).isFalse();
        assertThat(unpaced.consumedTotal()).isPositive();
        assertThat(unpaced.beforeRead(() -> false)).isZero();
    }

    @Test
    void defaultsAreHalfTheProvisionedCapacityOnDemandOneHundredAndUnpacedOffAws() {
        assertThat(ReadCapacityBudget.defaultFor(TableDescription.builder()
                .provisionedThroughput(ProvisionedThroughputDescription.builder().readCapacityUnits(5L).build()).build())).isEqualTo(2.5);
        assertThat(ReadCapacityBudget.defaultFor(TableDescription.builder()
                .provisionedThroughput(ProvisionedThroughputDescription.builder().readCapacityUnits(0L).build()).build())).isEqualTo(100);
        assertThat(ReadCapacityBudget.forSession(table.session(), null).paced()).isFalse();
        assertThat(ReadCapacityBudget.forSession(table.session(), 3.0).target()).isEqualTo(3.0);
        assertThatThrownBy(() -> ReadCapacityBudget.of(0)).isInstanceOf(ConsoleException.class);
    }

    @Test
    void throttlingSlowsThePaceAndAPacedScanCancels() {
        ReadCapacityBudget paced = ReadCapacityBudget.of(4);
        paced.throttled();
        assertThat(paced.throttles()).isEqualTo(1);
        assertThatThrownBy(() -> table.scanner().scanAll(2, null, items -> { }, (s, m, t) -> { }, () -> true, paced))
                .isInstanceOf(ConsoleException.class).hasMessageStartingWith("Scan cancelled");
    }
}
