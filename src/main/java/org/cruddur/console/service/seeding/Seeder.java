package org.cruddur.console.service.seeding;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.ConversationGroupRows;
import org.cruddur.console.service.session.DynamoSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a {@link SeedPlan}: messages first, then the group rows that point at them, in BatchWriteItem calls of 25
 * with bounded parallelism, retrying UnprocessedItems with backoff. Keys are deterministic, so a second run
 * overwrites instead of duplicating; a conversation that moved on since (someone posted) keeps its newer group row.
 */
public final class Seeder {

    public static final int BATCH = 25;
    private static final int MAX_BATCH_ATTEMPTS = 15;

    /** What a seed run did. */
    public record SeedReport(long itemsWritten, int conversations, int messages, Duration took, long retries) {

        public double itemsPerSecond() {
            return took.isZero() ? 0 : itemsWritten * 1000.0 / Math.max(1, took.toMillis());
        }
    }

    /** Progress callback: items written so far, out of the planned total. Called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final DynamoSession session;
    private final ConversationGroupRows groupRows;
    private final int parallelism;
    /**
     * Consumed capacity of seed batches is asked for only on AWS, where it is free and worth seeing: DynamoDB Local
     * computes it per item and loses about 15% of its write rate to it (measured on 20,000 items). The operation
     * log then shows no capacity for local seed batches.
     */
    private final ReturnConsumedCapacity capacity;

    public Seeder(DynamoSession session, int parallelism) {
        this.session = session;
        this.capacity = session.profile().onAws() ? ReturnConsumedCapacity.TOTAL : ReturnConsumedCapacity.NONE;
        this.groupRows = new ConversationGroupRows(session);
        this.parallelism = Math.max(1, parallelism);
    }

    public Seeder(DynamoSession session) {
        this(session, 8);
    }

    public SeedReport seed(SeedPlan plan, Progress progress, BooleanSupplier cancelled) {
        session.requireWrites("seed");
        session.call(c -> c.describeTable(r -> r.tableName(session.tableName()))); // a missing table fails before any write
        long started = System.nanoTime();
        List<SeedPlan.Conversation> conversations = plan.plannedConversations();
        Run run = new Run(plan.totalItems(), progress, cancelled);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "seed-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<WriteRequest> batch = new ArrayList<>(BATCH);
            for (SeedPlan.Conversation conversation : conversations) {
                for (int i = 0; i < conversation.messageCount(); i++) {
                    batch.add(put(TableItems.toItem(conversation.message(i))));
                    if (batch.size() == BATCH) {
                        run.submit(pool, batch, this::writeBatch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            if (!batch.isEmpty()) {
                run.submit(pool, batch, this::writeBatch);
            }
            run.drain();
            // group rows only after every message they point at is stored
            for (SeedPlan.Conversation conversation : conversations) {
                run.submit(pool, List.of(), ignored -> writeGroupRows(conversation, run));
            }
            run.drain();
        } finally {
            pool.shutdownNow();
        }
        return new SeedReport(run.done.get(), conversations.size(), plan.messages(),
                Duration.ofNanos(System.nanoTime() - started), run.retries.get());
    }

    private long writeGroupRows(SeedPlan.Conversation conversation, Run run) {
        MessageRow last = conversation.lastMessage();
        List<MessageGroupRow> existing = groupRows.of(conversation.groupUuid());
        Instant plannedAt = conversation.lastMessageAt();
        List<WriteRequest> writes = new ArrayList<>();
        for (ChatUser[] pair : new ChatUser[][] {{conversation.first(), conversation.second()}, {conversation.second(), conversation.first()}}) {
            ChatUser owner = pair[0];
            List<MessageGroupRow> mine = existing.stream().filter(r -> owner.uuid().equals(r.ownerUuid())).toList();
            boolean movedOn = mine.stream().anyMatch(r -> Timestamps.tryParse(r.lastMessageAt()).map(t -> t.isAfter(plannedAt)).orElse(false));
            if (movedOn) {
                run.done.addAndGet(1);
                continue;
            }
            for (MessageGroupRow old : mine) {
                if (!old.lastMessageAt().equals(last.createdAt())) {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                            .key(TableItems.key(TableItems.groupPk(owner.uuid()), old.lastMessageAt())).build()).build());
                }
            }
            writes.add(put(TableItems.toItem(TableItems.groupRow(owner, pair[1], conversation.groupUuid(), last.createdAt(), last.message()))));
        }
        long retries = writeBatch(writes);
        long rows = writes.stream().filter(w -> w.putRequest() != null).count();
        run.advance(rows);
        return retries;
    }

    /** One BatchWriteItem, repeated for UnprocessedItems with exponential backoff; returns the retries it needed. */
    private long writeBatch(List<WriteRequest> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        List<WriteRequest> pending = requests;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> sending = pending;
            BatchWriteItemResponse response = session.call(c -> c.batchWriteItem(b -> b.requestItems(Map.of(session.tableName(), sending))
                    .returnConsumedCapacity(capacity)));
            pending = response.unprocessedItems().getOrDefault(session.tableName(), List.of());
            if (pending.isEmpty()) {
                return attempt - 1L;
            }
            if (attempt >= MAX_BATCH_ATTEMPTS) {
                throw new ConsoleException(ConsoleException.Kind.THROTTLED, "DynamoDB kept " + pending.size()
                        + " items unprocessed after " + attempt + " attempts; run seed again later (it writes no duplicates)");
            }
            sleep(Math.min(2_000, 25L << Math.min(attempt, 7)));
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static void sleep(long capMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Seed cancelled");
        }
    }

    /** Bookkeeping of one run: bounded in-flight batches, progress, cancel, and the first failure. */
    private final class Run {
        final AtomicLong done = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Semaphore inFlight = new Semaphore(parallelism * 2);
        final long total;
        final Progress progress;
        final BooleanSupplier cancelled;

        Run(long total, Progress progress, BooleanSupplier cancelled) {
            this.total = total;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        void advance(long items) {
            progress.update(done.addAndGet(items), total);
        }

        void submit(ExecutorService pool, List<WriteRequest> batch, java.util.function.ToLongFunction<List<WriteRequest>> write) {
            checkStop();
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelledAt();
            }
            pool.execute(() -> {
                try {
                    if (failure.get() == null) {
                        retries.addAndGet(write.applyAsLong(batch));
                        if (!batch.isEmpty()) {
                            advance(batch.size());
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        void drain() {
            int permits = parallelism * 2;
            try {
                inFlight.acquire(permits);
                inFlight.release(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelledAt();
            }
            checkStop();
        }

        private void checkStop() {
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw failed instanceof ConsoleException ? failed : DynamoErrors.translate(failed, session.endpoint(), session.tableName(), session.awsProfile());
            }
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw cancelledAt();
            }
        }

        private ConsoleException cancelledAt() {
            return new ConsoleException(ConsoleException.Kind.CANCELLED, "Seed cancelled after " + done.get() + " of " + total
                    + " items; run it again to finish (it writes no duplicates)");
        }
    }
}
