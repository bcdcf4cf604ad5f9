package org.cruddur.console.service.capacity;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A read-capacity budget for whole-table scans, so that an admin scan cannot take the read units production needs.
 *
 * <p>Measured, not guessed: each read reserves what it is expected to cost before it is sent and is charged what
 * DynamoDB says it consumed afterwards (ConsumedCapacity). The balance refills at the budget's rate and may go into
 * debt by one read; the next read waits until the debt is paid. Each read is kept small (its Limit is chosen from the
 * measured cost per item, about a fifth of a second of budget) so that parallel segments cannot overshoot by whole
 * 1 MB pages. A throttling answer halves the rate, which then creeps back to the budget.
 */
public final class ReadCapacityBudget {

    /** What an on-demand table (no provisioned capacity) gets by default. */
    public static final double ON_DEMAND_DEFAULT = 100;
    /** The smallest a single read costs (DynamoDB rounds an eventually consistent read up to half a unit). */
    static final double SMALLEST_READ = 0.5;
    private static final int MAX_LIMIT = 1000;
    private static final long WINDOW_NANOS = 2_000_000_000L;

    private final double target;
    private double rate;
    private double balance;
    private long refilledAt = System.nanoTime();
    /** Read-capacity units per item scanned, measured; starts pessimistic (a 4 KB item read strongly). */
    private double costPerItem = 1.0;
    private double consumedTotal;
    private long throttles;
    private final Deque<long[]> recent = new ArrayDeque<>();
    private final Deque<Double> recentUnits = new ArrayDeque<>();

    private ReadCapacityBudget(double rcuPerSecond) {
        this.target = rcuPerSecond;
        this.rate = rcuPerSecond;
    }

    /** No pacing: reads go as fast as they can; consumed capacity is still measured and reported. */
    public static ReadCapacityBudget unpaced() {
        return new ReadCapacityBudget(Double.POSITIVE_INFINITY);
    }

    public static ReadCapacityBudget of(double rcuPerSecond) {
        if (!(rcuPerSecond > 0) || Double.isInfinite(rcuPerSecond)) {
            throw ConsoleException.validation("--max-rcu must be a positive number of read capacity units per second");
        }
        return new ReadCapacityBudget(rcuPerSecond);
    }

    /**
     * The budget for a whole-table scan of the session's table: {@code maxRcu} when given; otherwise, on AWS, half the
     * table's provisioned read capacity (on-demand: {@link #ON_DEMAND_DEFAULT}); on other endpoints unpaced.
     */
    public static ReadCapacityBudget forSession(DynamoSession session, Double maxRcu) {
        if (maxRcu != null) {
            return of(maxRcu);
        }
        if (!session.profile().onAws()) {
            return unpaced();
        }
        TableDescription t = session.call(c -> c.describeTable(r -> r.tableName(session.tableName()))).table();
        return of(defaultFor(t));
    }

    /** Half the provisioned read capacity, or {@link #ON_DEMAND_DEFAULT} for an on-demand table. */
    public static double defaultFor(TableDescription table) {
        Long provisioned = table.provisionedThroughput() == null ? null : table.provisionedThroughput().readCapacityUnits();
        return provisioned == null || provisioned <= 0 ? ON_DEMAND_DEFAULT : provisioned / 2.0;
    }

    public boolean paced() {
        return !Double.isInfinite(target);
    }

    /** The budget in RCU/s (infinite when unpaced). */
    public double target() {
        return target;
    }

    /**
     * Waits until a read may be sent and reserves its expected cost; returns the Limit to give it (0: no limit,
     * unpaced). Gives up with a CANCELLED error when {@code cancelled} turns true while waiting.
     */
    public int beforeRead(BooleanSupplier cancelled) {
        if (!paced()) {
            return 0;
        }
        while (true) {
            long waitNanos;
            int limit;
            synchronized (this) {
                refill();
                if (balance >= 0) {
                    double chunk = Math.max(SMALLEST_READ, rate / 5);
                    limit = (int) Math.max(1, Math.min(MAX_LIMIT, Math.floor(chunk / costPerItem)));
                    balance -= Math.max(SMALLEST_READ, limit * costPerItem);
                    return limit;
                }
                waitNanos = (long) (-balance / rate * 1e9);
            }
            if (cancelled.getAsBoolean()) {
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(200, waitNanos / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled");
            }
        }
    }

    /** Charges a finished read what DynamoDB says it consumed (its reservation is refunded first). */
    public synchronized void afterRead(int limit, Double consumed, int scannedCount) {
        double units = consumed == null ? 0 : consumed;
        consumedTotal += units;
        long now = System.nanoTime();
        recent.addLast(new long[] {now});
        recentUnits.addLast(units);
        trim(now);
        if (!paced()) {
            return;
        }
        balance += Math.max(SMALLEST_READ, limit * costPerItem) - units;
        if (scannedCount > 0 && consumed != null) {
            // an average, kept pessimistic: a read of few big items must not make the next reads overshoot
            double measured = units / scannedCount;
            costPerItem = Math.max(measured, costPerItem * 0.5 + measured * 0.5);
        }
        rate = Math.min(target, rate + target * 0.05);
    }

    /** A read was refused for throughput: halve the pace (it recovers by 5% of the budget per successful read). */
    public synchronized void throttled() {
        throttles++;
        if (paced()) {
            rate = Math.max(target / 64, rate / 2);
            balance = Math.min(balance, -SMALLEST_READ);
        }
    }

    /** What the scans consumed in all, in read capacity units, from DynamoDB's answers. */
    public synchronized double consumedTotal() {
        return consumedTotal;
    }

    /** The measured pace over the last two seconds, RCU/s. */
    public synchronized double recentRate() {
        long now = System.nanoTime();
        trim(now);
        double sum = 0;
        for (double u : recentUnits) {
            sum += u;
        }
        return sum / (WINDOW_NANOS / 1e9);
    }

    public synchronized long throttles() {
        return throttles;
    }

    private void trim(long now) {
        while (!recent.isEmpty() && now - recent.peekFirst()[0] > WINDOW_NANOS) {
            recent.removeFirst();
            recentUnits.removeFirst();
        }
    }

    private void refill() {
        long now = System.nanoTime();
        // no saving up: an idle moment must not allow a burst above the budget
        balance = Math.min(0, balance + rate * (now - refilledAt) / 1e9);
        refilledAt = now;
    }

    public String describe() {
        return paced() ? String.format(java.util.Locale.ROOT, "%.1f RCU/s", target) : "unpaced";
    }
}
