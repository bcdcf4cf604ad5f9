package org.cruddur.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.table.TableScanner;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.service.health.HealthHeapMeasurement;
import org.cruddur.console.service.health.HealthProgress;
import org.cruddur.console.service.health.HealthReport;
import org.cruddur.console.service.health.TableHealth;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The benchmark harness: the console's service layer against a bare SDK client and against dynamodb-admin, side by
 * side on one embedded DynamoDB Local (the app's own child process, disk-backed), at several sizes. Every figure is
 * a ratio measured in the same run, plus absolute medians. Timing is reported, never asserted.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests verify -Dbench.sizes=1000,10000,100000}. Results go to
 * target/bench/results.json and target/bench/BENCHMARKS.md.
 */
public final class ConsoleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String SCAN_PREFIX = "Heads up";
    /** How long dynamodb-admin may take for one filtered pass before it is stopped and reported as a lower bound. */
    static final java.time.Duration ADMIN_BUDGET = java.time.Duration.ofSeconds(Long.getLong("bench.admin.budget", 600));
    /** -Dbench.storage=disk runs on the embedded profile's on-disk database; the default keeps it in memory. */
    static final boolean DISK = "disk".equals(System.getProperty("bench.storage", "memory"));

    private final Path out;
    private final boolean quick;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Path home;
    private EmbeddedDynamoDbLocal server;
    private DynamoDbClient bare;
    private AppDirectories dirs;
    private int servers;

    private ConsoleBenchmark(Path out, boolean quick) throws Exception {
        this.out = out;
        this.quick = quick;
        this.home = Files.createTempDirectory("cruddur-bench");
    }

    /**
     * Every contestant gets a fresh DynamoDB Local. DynamoDB Local keeps the stream records of every stream-enabled
     * table, dropped ones included, and writes into a stream-enabled table slow down by 10-20x once other tables'
     * records pile up (measured: ~1,500 items/s on a fresh server, 60-120 items/s after 20,000 records elsewhere).
     * On one shared server whoever seeds later would lose; a fresh server per contestant keeps the comparison fair.
     */
    private void freshServer() {
        closeServer();
        servers++;
        this.dirs = new AppDirectories(home.resolve("config"), home.resolve("data-" + servers));
        this.server = EmbeddedDynamoDbLocal.start(dirs.dataDir(), s -> { }, !DISK);
        this.bare = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        warmUp();
    }

    /**
     * A fresh DynamoDB Local runs interpreted for its first thousands of requests (about 450 items/s for its first
     * 2,000 writes, 2,000 items/s later): warm it up on a scratch table without a stream, so that no contestant pays
     * for the server's JIT and none leaves stream records behind.
     */
    private void warmUp() {
        String scratch = "bench-warm-up";
        bare.createTable(c -> c.tableName(scratch)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .billingMode("PAY_PER_REQUEST"));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < (quick ? 1_000 : 5_000); i++) {
            items.add(Map.of("pk", AttributeValue.fromS("warm#" + (i % 20)), "sk", AttributeValue.fromS(String.format(Locale.ROOT, "%08d", i)),
                    "message", AttributeValue.fromS("warming up DynamoDB Local before measuring, item " + i)));
        }
        try {
            rawBatchWrite(scratch, items, 8);
        } catch (Exception e) {
            throw new IllegalStateException("warm-up failed", e);
        }
        for (int i = 0; i < 200; i++) {
            bare.query(newestFirst(scratch, "warm#" + (i % 20)));
        }
        bare.deleteTable(d -> d.tableName(scratch));
        // the console's own seed and read paths too, on the messages schema without its stream: the raw loop above
        // is the same code the raw contestant runs, so without this only the console would start cold
        try (MessagesTable warm = new MessagesTable(DynamoSession.open(
                ConnectionProfile.forEndpoint(server.endpoint().toString()).withTable("bench-warm-up-console"), dirs, false, s -> { }),
                SeedUsers.DEFAULT)) {
            bare.createTable(warm.schema().createTableRequest().toBuilder().streamSpecification(s -> s.streamEnabled(false)).build());
            SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT, 10, quick ? 500 : 2_000);
            warm.seeder().seed(plan, (d, n) -> { }, () -> false);
            String group = plan.plannedConversations().get(0).groupUuid();
            for (int i = 0; i < 200; i++) {
                warm.conversations().page(group, 50, null);
            }
            bare.deleteTable(d -> d.tableName(warm.session().tableName()));
        }
    }

    private void closeServer() {
        if (bare != null) {
            bare.close();
            bare = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        boolean quick = Boolean.getBoolean("bench.quick");
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        ConsoleBenchmark bench = new ConsoleBenchmark(out, quick);
        try {
            // -Dbench.only=health: only the health check against a bare scan, and the check's heap
            boolean healthOnly = "health".equals(System.getProperty("bench.only"));
            for (int size : sizes) {
                System.out.println("== size " + size);
                if (!healthOnly) {
                    bench.conversationAndInbox(size);
                    bench.seedAndScan(size);
                }
                bench.healthCheck(size);
            }
            bench.checkHeap(quick ? 100_000 : 1_000_000);
            bench.write(sizes);
        } finally {
            bench.closeServer();
        }
    }

    private MessagesTable table(String name) {
        ConnectionProfile profile = ConnectionProfile.forEndpoint(server.endpoint().toString()).withTable(name);
        MessagesTable t = new MessagesTable(DynamoSession.open(profile, dirs, false, s -> { }), SeedUsers.DEFAULT);
        t.schema().load();
        return t;
    }

    // 1, 2: the newest page of a conversation of `size` messages, and of an inbox of size/50 conversations
    private void conversationAndInbox(int size) {
        int inboxSize = Math.max(1, size / 50);
        freshServer();
        try (MessagesTable t = table("bench-read-" + size)) {
            t.seeder().seed(new SeedPlan(SeedUsers.DEFAULT.subList(0, 2), 1, size), (d, n) -> { }, () -> false);
            List<ChatUser> star = new ArrayList<>();
            star.add(SeedUsers.DEFAULT.get(2));
            for (int i = 0; i < inboxSize; i++) {
                star.add(new ChatUser(java.util.UUID.nameUUIDFromBytes(("bench-user-" + i).getBytes()).toString(), "bench" + i, "Bench " + i));
            }
            t.seeder().seed(new SeedPlan(star, inboxSize, inboxSize), (d, n) -> { }, () -> false);
            String group = t.inbox().newest(SeedUsers.DEFAULT.get(0).uuid()).rows().get(0).messageGroupUuid();
            String owner = star.get(0).uuid();
            String tableName = t.session().tableName();

            sideBySide("A: newest 50 of a conversation", size + " messages", "console (ConversationQuery.page)", "bare SDK Query",
                    () -> timed(() -> t.conversations().page(group, 50, null).rows().size()),
                    () -> timed(() -> bare.query(newestFirst(tableName, TableItems.messagePk(group))).count()),
                    50);
            sideBySide("B: newest 50 of an inbox", inboxSize + " conversations", "console (InboxQuery.page)", "bare SDK Query",
                    () -> timed(() -> t.inbox().page(owner, 50, null).rows().size()),
                    () -> timed(() -> bare.query(newestFirst(tableName, TableItems.groupPk(owner))).count()),
                    Math.min(50, inboxSize));
            t.schema().drop(tableName);
        }
    }

    private static QueryRequest newestFirst(String table, String pk) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).scanIndexForward(false).limit(50).build();
    }

    /** Runs two operations alternately (random order each round) after a warm-up and records medians and their ratio. */
    private void sideBySide(String what, String data, String nameA, String nameB, LongSupplier a, LongSupplier b, int expectedItems) {
        int warmup = quick ? 10 : 40;
        int rounds = quick ? 20 : 100;
        for (int i = 0; i < warmup; i++) {
            a.getAsLong();
            b.getAsLong();
        }
        long[] ta = new long[rounds];
        long[] tb = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            if (ThreadLocalRandom.current().nextBoolean()) {
                ta[i] = a.getAsLong();
                tb[i] = b.getAsLong();
            } else {
                tb[i] = b.getAsLong();
                ta[i] = a.getAsLong();
            }
        }
        double ma = median(ta) / 1e6;
        double mb = median(tb) / 1e6;
        record(what, data, nameA, ma, nameB, mb, ma / mb, "ms (median of " + rounds + ")", "≤ 1.2× bare", ma / mb <= 1.2);
    }

    private long lastCount;

    private long timed(LongSupplier op) {
        long t0 = System.nanoTime();
        lastCount = op.getAsLong();
        return System.nanoTime() - t0;
    }

    // 3, 4: seeding `size` messages three ways, then a filtered scan of the seeded table vs dynamodb-admin
    private void seedAndScan(int size) throws Exception {
        SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT, 10, size);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (SeedPlan.Conversation c : plan.plannedConversations()) {
            for (int i = 0; i < c.messageCount(); i++) {
                items.add(TableItems.toItem(c.message(i)));
            }
            items.add(TableItems.toItem(TableItems.groupRow(c.first(), c.second(), c.groupUuid(), c.lastMessage().createdAt(), c.lastMessage().message())));
            items.add(TableItems.toItem(TableItems.groupRow(c.second(), c.first(), c.groupUuid(), c.lastMessage().createdAt(), c.lastMessage().message())));
        }

        freshServer();
        double consoleRate;
        try (MessagesTable seeded = table("bench-seed-console-" + size)) {
            long t0 = System.nanoTime();
            seeded.seeder().seed(plan, (d, n) -> { }, () -> false);
            consoleRate = items.size() / ((System.nanoTime() - t0) / 1e9);
            filteredScan(seeded, items.size());
        }

        freshServer();
        double rawRate;
        try (MessagesTable raw = table("bench-seed-raw-" + size)) {
            long t1 = System.nanoTime();
            rawBatchWrite(raw.session().tableName(), items, 8);
            rawRate = items.size() / ((System.nanoTime() - t1) / 1e9);
        }
        record("Seed " + size + " messages", items.size() + " items", "console Seeder", consoleRate, "fastest raw BatchWriteItem (8 threads)",
                rawRate, consoleRate / rawRate, "items/s", "≥ 0.8× raw", consoleRate / rawRate >= 0.8);

        freshServer();
        int putCount = quick ? Math.min(items.size(), 1_000) : items.size();
        try (MessagesTable seq = table("bench-seed-put-" + size)) {
            long t2 = System.nanoTime();
            for (Map<String, AttributeValue> item : items.subList(0, putCount)) {
                bare.putItem(p -> p.tableName(seq.session().tableName()).item(item));
            }
            double putRate = putCount / ((System.nanoTime() - t2) / 1e9);
            record("Seed " + size + " messages", putCount + " items", "console Seeder", consoleRate, "one PutItem per item, in sequence (reference seed script)",
                    putRate, consoleRate / putRate, "items/s", "(context)", true);
        }
    }

    // 4: filtered scan of the console-seeded table for messages beginning with a word: the only text match
    // dynamodb-admin's filter offers
    private void filteredScan(MessagesTable seeded, int itemCount) throws Exception {
        String scanTable = seeded.session().tableName();
        TableScanner.ScanFilter filter = new TableScanner.ScanFilter("message", SCAN_PREFIX, TableScanner.ScanFilter.Match.BEGINS_WITH);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (DynamoDbAdmin admin = DynamoDbAdmin.start(Path.of("target/bench-node"), server.endpoint().toString(), port)) {
            // dynamodb-admin's Limit-10 scans get slower per call as the table grows (about 18 ms a call at 10k items,
            // far more at 100k), so a whole pass at 100k can take most of an hour: one pass there, within a budget
            int runs = itemCount >= 100_000 ? 1 : 3;
            long[] tc = new long[runs];
            long[] ta = new long[runs];
            long consoleMatches = 0;
            int segmentsUsed = 0;
            DynamoDbAdmin.FilteredCount adminCount = null;
            for (int r = 0; r < runs; r++) {
                long s0 = System.nanoTime();
                TableScanner.ScanSummary summary = seeded.scanner().scanAll(TableScanner.AUTO_SEGMENTS, filter, page -> { }, (a, b, c) -> { }, () -> false);
                consoleMatches = summary.matched();
                segmentsUsed = summary.segments();
                tc[r] = System.nanoTime() - s0;
                long s1 = System.nanoTime();
                adminCount = admin.countFiltered(scanTable, "message", "begins_with", SCAN_PREFIX, 100, ADMIN_BUDGET);
                ta[r] = System.nanoTime() - s1;
                if (!adminCount.complete()) {
                    break;
                }
            }
            double mc = median(tc) / 1e6;
            if (adminCount.complete()) {
                if (consoleMatches != adminCount.matches()) {
                    throw new IllegalStateException("scan results differ: console " + consoleMatches + ", dynamodb-admin " + adminCount.matches());
                }
                double ma = median(ta) / 1e6;
                record("Filtered scan (begins_with message '" + SCAN_PREFIX + "')", itemCount + " items, " + consoleMatches + " matches",
                        "console TableScanner.scanAll (" + segmentsUsed + " segments)", mc, "dynamodb-admin@" + DynamoDbAdmin.VERSION, ma, ma / mc,
                        "ms (median of " + runs + "); ratio = how many times faster", "≥ 5× faster", ma / mc >= 5);
            } else {
                // a lower bound: dynamodb-admin had not finished when the budget ran out
                double ma = ta[0] / 1e6;
                record("Filtered scan (begins_with message '" + SCAN_PREFIX + "')", itemCount + " items, " + consoleMatches + " matches",
                        "console TableScanner.scanAll (" + segmentsUsed + " segments)", mc, "dynamodb-admin@" + DynamoDbAdmin.VERSION + ", stopped unfinished after "
                                + Math.round(ma / 1000) + " s with " + adminCount.matches() + " of " + consoleMatches + " matches",
                        ma, ma / mc, "ms (1 run); ratio = at least this many times faster", "≥ 5× faster", ma / mc >= 5);
            }
        }
    }

    // 5: the health check (unpaced) against a bare parallel Scan of the same table with the same segments
    private void healthCheck(int size) {
        freshServer();
        try (MessagesTable t = table("bench-health-" + size)) {
            t.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, 10, size), (d, n) -> { }, () -> false);
            String tableName = t.session().tableName();
            int segments = t.scanner().scanAll(TableScanner.AUTO_SEGMENTS, null, page -> { }, (a, b, c) -> { }, () -> false,
                    ReadCapacityBudget.unpaced()).segments();
            TableHealth health = new TableHealth(t.session(), t.users()::find);
            int runs = quick ? 3 : 5;
            long[] tc = new long[runs];
            long[] tb = new long[runs];
            long items = 0;
            for (int r = 0; r < runs; r++) {
                boolean checkFirst = ThreadLocalRandom.current().nextBoolean();
                if (!checkFirst) {
                    tb[r] = timed(() -> bareParallelScan(tableName, segments));
                }
                long c0 = System.nanoTime();
                HealthReport report = health.check(ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false);
                tc[r] = System.nanoTime() - c0;
                items = report.itemsScanned();
                if (report.total() != 0) {
                    throw new IllegalStateException("seeded data should be healthy: " + report.counts());
                }
                if (checkFirst) {
                    tb[r] = timed(() -> bareParallelScan(tableName, segments));
                }
                if (lastCount != items) {
                    throw new IllegalStateException("bare scan read " + lastCount + " items, the check " + items);
                }
            }
            double mc = median(tc) / 1e6;
            double mb = median(tb) / 1e6;
            record("Health check vs bare parallel Scan", items + " items, " + segments + " segments", "console TableHealth.check (unpaced)", mc,
                    "bare SDK parallel Scan, same segments", mb, mc / mb, "ms (median of " + runs + ")", "≤ 1.3× bare", mc / mb <= 1.3);
            t.schema().drop(tableName);
        }
    }

    /** Every item of the table through {@code segments} parallel Scan segments of the bare client; returns the count. */
    private long bareParallelScan(String table, int segments) {
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                futures.add(pool.submit(() -> {
                    long n = 0;
                    for (var page : bare.scanPaginator(r -> r.tableName(table).segment(segment).totalSegments(segments))) {
                        n += page.count();
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException("bare scan failed", e);
        } finally {
            pool.shutdown();
        }
    }

    // 6: what the check keeps at `items` items: its summaries fed the items a scan would hand over, retained heap after GC
    private void checkHeap(int items) {
        double manyMessages = HealthHeapMeasurement.retainedMegabytes(items, 98);
        double oneMessage = HealthHeapMeasurement.retainedMegabytes(items, 1);
        record("Health check heap (summaries retained after GC)", items + " items in conversations of 98 messages",
                "console check", manyMessages, "same items, conversations of 1 message (worst case)", oneMessage, oneMessage / 300,
                "MB; ratio = worst case / 300 MB", "< 300 MB", manyMessages < 300 && oneMessage < 300);
    }

    /** The fastest raw loop: every request built beforehand, 25 a call, `threads` calls in flight. */
    private void rawBatchWrite(String table, List<Map<String, AttributeValue>> items, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList();
            futures.add(pool.submit(() -> {
                List<WriteRequest> pending = batch;
                while (!pending.isEmpty()) {
                    List<WriteRequest> sending = pending;
                    BatchWriteItemResponse r = bare.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
                    pending = r.unprocessedItems().getOrDefault(table, List.of());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private void record(String what, String data, String nameA, double valueA, String nameB, double valueB, double ratio,
                        String unit, String target, boolean met) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", what);
        row.put("data", data);
        row.put("console", nameA);
        row.put("console_value", round(valueA));
        row.put("baseline", nameB);
        row.put("baseline_value", round(valueB));
        row.put("ratio", round(ratio));
        row.put("unit", unit);
        row.put("target", target);
        row.put("target_met", met);
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-45s %-28s console %10.2f | %-40s %10.2f | ratio %.2f %s%n",
                what, data, valueA, nameB, valueB, ratio, met ? "" : "(target missed: " + target + ")");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private void write(int[] sizes) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", LocalDate.now().toString());
        doc.put("machine", machine());
        doc.put("command", "mvn -B -Pbench -DskipTests verify -Dbench.sizes=" + String.join(",", Arrays.stream(sizes).mapToObj(Integer::toString).toList())
                + (quick ? " -Dbench.quick=true" : "") + (DISK ? " -Dbench.storage=disk" : "")
                + ("health".equals(System.getProperty("bench.only")) ? " -Dbench.only=health -Dbench.gui.skip=true" : ""));
        doc.put("results", rows);
        Files.writeString(out.resolve("results.json"), JSON.writeValueAsString(doc));
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | data | console | baseline | ratio | unit | target |\n|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : rows) {
            md.append("| ").append(r.get("benchmark")).append(" | ").append(r.get("data")).append(" | ")
                    .append(r.get("console_value")).append(" | ").append(r.get("baseline")).append(": ").append(r.get("baseline_value"))
                    .append(" | ").append(r.get("ratio")).append(" | ").append(r.get("unit")).append(" | ").append(r.get("target"))
                    .append(Boolean.TRUE.equals(r.get("target_met")) ? " ✔" : " ✘").append(" |\n");
        }
        md.insert(0, "Date: " + doc.get("date") + "  \nMachine: " + doc.get("machine") + "  \nCommand: `" + doc.get("command") + "`\n\n");
        Files.writeString(out.resolve("BENCHMARKS.md"), md.toString());
        System.out.println(md);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; DynamoDB Local 3.1.0 as the app's embedded child process (" + (DISK ? "on disk" : "-inMemory") + ")";
    }

}
