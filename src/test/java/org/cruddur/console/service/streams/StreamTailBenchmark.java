package org.cruddur.console.service.streams;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.seeding.Seeder;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/**
 * How many records per second the tail keeps up with (issue 13, item 5): a burst of writes (the seeder's batch writes,
 * the fastest writer the console has) while a tail follows from LATEST, Lambda check included; then the same records
 * read again from TRIM_HORIZON with no writer, the tail's own ceiling. Not part of the test run (no Test suffix):
 * {@code mvn -B -o -Dtest=StreamTailBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.stream.messages=5000 test}.
 * Prints its figures; nothing is asserted (timing goes in benchmarks, never in asserts).
 */
class StreamTailBenchmark {

    @Test
    void recordsPerSecondTheTailKeepsUpWith() throws Exception {
        int messages = Integer.getInteger("bench.stream.messages", 5000);
        int conversations = Integer.getInteger("bench.stream.conversations", 20);
        try (MessagesTable t = LocalDynamoDb.freshTable("stream-bench")) {
            t.session().unlockWrites();
            StreamTail tail = new TableStream(t.session()).tail(StreamStart.LATEST);
            tail.poll(); // positioned at the end before the burst starts
            AtomicBoolean writerDone = new AtomicBoolean();
            AtomicLong firstRecordNanos = new AtomicLong();
            AtomicLong lastRecordNanos = new AtomicLong();
            AtomicLong read = new AtomicLong();
            AtomicLong writerEndNanos = new AtomicLong();
            Thread follower = new Thread(() -> {
                while (true) {
                    tail.pause(() -> false);
                    int n = tail.poll().size();
                    long now = System.nanoTime();
                    if (n > 0) {
                        firstRecordNanos.compareAndSet(0, now);
                        lastRecordNanos.set(now);
                        read.addAndGet(n);
                    }
                    if (writerDone.get() && tail.caughtUp() && n == 0) {
                        return;
                    }
                }
            }, "stream-bench-follower");
            follower.start();
            long writeStart = System.nanoTime();
            Seeder.SeedReport report = t.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, conversations, messages), (d, n) -> { }, () -> false);
            writerEndNanos.set(System.nanoTime());
            writerDone.set(true);
            follower.join(600_000);
            double writeSeconds = (writerEndNanos.get() - writeStart) / 1e9;
            double tailSeconds = (lastRecordNanos.get() - firstRecordNanos.get()) / 1e9;
            double lagSeconds = Math.max(0, (lastRecordNanos.get() - writerEndNanos.get()) / 1e9);
            System.out.printf(Locale.ROOT, "BENCH stream burst: %d items written in %.2f s (%.0f items/s); tail read %d records in %.2f s"
                            + " (%.0f records/s), caught up %.2f s after the writer finished%n",
                    report.itemsWritten(), writeSeconds, report.itemsWritten() / writeSeconds, read.get(), tailSeconds,
                    read.get() / Math.max(tailSeconds, 1e-9), lagSeconds);

            // the tail's ceiling: the same records again, with nothing writing
            StreamTail again = new TableStream(t.session()).tail(StreamStart.TRIM_HORIZON);
            long start = System.nanoTime();
            long all = 0;
            do {
                all += again.poll().size();
            } while (!again.caughtUp());
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH stream drain: %d records from TRIM_HORIZON in %.2f s (%.0f records/s), Lambda check included%n",
                    all, drainSeconds, all / drainSeconds);
        }
        // what the stream costs the writer: the same seed into a table without one (the schema-load decision)
        try (MessagesTable plain = new MessagesTable(org.cruddur.console.service.session.DynamoSession.open(
                LocalDynamoDb.profile("stream-bench-plain"), LocalDynamoDb.dirs(), true, s -> { }), SeedUsers.DEFAULT)) {
            plain.session().call(c -> c.createTable(plain.schema().createTableRequest().toBuilder()
                    .streamSpecification((software.amazon.awssdk.services.dynamodb.model.StreamSpecification) null).build()));
            long start = System.nanoTime();
            Seeder.SeedReport r = plain.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, conversations, messages), (d, n) -> { }, () -> false);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH no stream: %d items written in %.2f s (%.0f items/s)%n", r.itemsWritten(), seconds,
                    r.itemsWritten() / seconds);
        }
    }
}
