package org.cruddur.console.service.table;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Raw-item browsing: paged Scan with an optional filter, and a parallel segmented full scan with progress and cancel. */
public final class TableScanner {

    /** Items whose {@code attribute} contains, or begins with, {@code text} (case-sensitive, as DynamoDB compares). */
    public record ScanFilter(String attribute, String text, Match match) {

        public enum Match { CONTAINS, BEGINS_WITH }

        public ScanFilter {
            if (attribute == null || attribute.isBlank() || text == null || text.isEmpty() || match == null) {
                throw ConsoleException.validation("A filter needs an attribute name and some text");
            }
        }

        public ScanFilter(String attribute, String text) {
            this(attribute, text, Match.CONTAINS);
        }

        String expression() {
            return (match == Match.CONTAINS ? "contains" : "begins_with") + "(#a, :t)";
        }
    }

    /** Progress of a full scan: items read so far, how many matched, and the table's approximate item count. */
    @FunctionalInterface
    public interface Progress {
        void update(long scanned, long matched, long approximateTotal);
    }

    public record ScanSummary(long scanned, long matched, int segments) {
    }

    private final DynamoSession session;

    public TableScanner(DynamoSession session) {
        this.session = session;
    }

    private ScanRequest.Builder request(ScanFilter filter) {
        ScanRequest.Builder b = ScanRequest.builder().tableName(session.tableName());
        if (filter != null) {
            b.filterExpression(filter.expression())
                    .expressionAttributeNames(Map.of("#a", filter.attribute()))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(filter.text())));
        }
        return b;
    }

    /**
     * One page of raw items. With a filter, DynamoDB applies Limit before filtering, so this keeps reading until
     * {@code limit} matches are found or the table ends, as a person browsing expects.
     */
    public Page<Map<String, AttributeValue>> page(int limit, Map<String, AttributeValue> startKey, ScanFilter filter) {
        if (limit < 1) {
            throw ConsoleException.validation("Page size must be at least 1");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> next = startKey;
        do {
            ScanRequest.Builder b = request(filter).limit(filter == null ? limit : Math.max(limit, 100));
            if (next != null && !next.isEmpty()) {
                b.exclusiveStartKey(next);
            }
            ScanResponse response = session.call(c -> c.scan(b.build()));
            int kept = 0;
            for (Map<String, AttributeValue> item : response.items()) {
                if (items.size() < limit) {
                    items.add(item);
                    kept++;
                }
            }
            if (kept < response.items().size()) {
                // the page filled in the middle of a response: continue after the last item kept
                next = TableItems.keyOf(items.get(items.size() - 1));
            } else {
                next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            }
        } while (items.size() < limit && next != null);
        return new Page<>(items, items, next);
    }

    /** One Scan call within the budget; a throttled answer slows the budget and asks again. */
    private ScanResponse pacedScan(ReadCapacityBudget budget, BooleanSupplier cancelled, java.util.function.IntFunction<ScanRequest> request) {
        while (true) {
            int limit = budget.beforeRead(cancelled);
            ScanResponse response;
            try {
                response = session.call(c -> c.scan(request.apply(limit)));
            } catch (ConsoleException e) {
                if (e.kind() != ConsoleException.Kind.THROTTLED || !budget.paced()) {
                    throw e;
                }
                budget.throttled();
                continue;
            }
            budget.afterRead(limit, response.consumedCapacity() == null ? null : response.consumedCapacity().capacityUnits(),
                    response.scannedCount());
            return response;
        }
    }

    /** Let {@link #scanAll} choose the number of segments from the table's size and where it runs. */
    public static final int AUTO_SEGMENTS = 0;

    /**
     * Segments for a whole-table scan. DynamoDB Local answers each page of a segment in time that grows with the
     * segment's size, so on a local endpoint a big table scans much faster in many small segments (100,000 items:
     * 1 segment 31-35 s, 4 segments 8-9 s, 32 segments 4.7 s); on AWS 4 segments, which the reference's provisioned
     * 5 read units can bear without throttling.
     */
    static int segmentsFor(long itemCount, boolean aws) {
        return aws ? 4 : (int) Math.max(4, Math.min(32, itemCount / 3_000));
    }

    /** {@link #scanAll(int, ScanFilter, Consumer, Progress, BooleanSupplier, ReadCapacityBudget)} on the session's default budget. */
    public ScanSummary scanAll(int segments, ScanFilter filter, Consumer<List<Map<String, AttributeValue>>> onItems,
                               Progress progress, BooleanSupplier cancelled) {
        return scanAll(segments, filter, onItems, progress, cancelled, ReadCapacityBudget.forSession(session, null));
    }

    /**
     * Reads the whole table in {@code segments} parallel segments ({@link #AUTO_SEGMENTS}: chosen by
     * {@link #segmentsFor}), handing each page of matches to {@code onItems} (from worker threads), paced by
     * {@code budget}. Stops early when {@code cancelled} turns true.
     */
    public ScanSummary scanAll(int segments, ScanFilter filter, Consumer<List<Map<String, AttributeValue>>> onItems,
                               Progress progress, BooleanSupplier cancelled, ReadCapacityBudget budget) {
        long approximate = session.call(c -> c.describeTable(r -> r.tableName(session.tableName()))).table().itemCount();
        int total = segments == AUTO_SEGMENTS
                ? segmentsFor(approximate, session.profile().onAws())
                : Math.max(1, segments);
        AtomicLong scanned = new AtomicLong();
        AtomicLong matched = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(total, r -> {
            Thread t = new Thread(r, "scan-segment");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < total; s++) {
                int segment = s;
                futures.add(pool.submit(() -> {
                    Map<String, AttributeValue> next = null;
                    do {
                        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        Map<String, AttributeValue> start = next;
                        ScanResponse response = pacedScan(budget, cancelled, limit -> {
                            ScanRequest.Builder b = request(filter).segment(segment).totalSegments(total);
                            if (limit > 0) {
                                b.limit(limit);
                            }
                            if (start != null) {
                                b.exclusiveStartKey(start);
                            }
                            return b.build();
                        });
                        scanned.addAndGet(response.scannedCount());
                        matched.addAndGet(response.count());
                        if (!response.items().isEmpty()) {
                            onItems.accept(response.items());
                        }
                        progress.update(scanned.get(), matched.get(), approximate);
                        next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? new HashMap<>(response.lastEvaluatedKey()) : null;
                    } while (next != null);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (cancelled.getAsBoolean()) {
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Scan cancelled after " + scanned.get() + " items");
            }
            Throwable cause = e.getCause();
            throw cause instanceof ConsoleException ce ? ce : DynamoErrors.translate(cause, session.endpoint(), session.tableName(), session.awsProfile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Scan cancelled after " + scanned.get() + " items");
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.getAsBoolean()) {
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Scan cancelled after " + scanned.get() + " items");
        }
        return new ScanSummary(scanned.get(), matched.get(), total);
    }
}
