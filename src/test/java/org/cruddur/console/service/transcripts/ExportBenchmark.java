package org.cruddur.console.service.transcripts;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dynamodb.services.local.main.ServerRunner;

/**
 * Export benchmark (a measurement, not a test): one conversation of N messages (default 100,000) whose sk mix the
 * backend's forms, exported in each format from a JVM of its own, so that heap figures are the export's alone.
 *
 * <pre>
 *   java -cp CP ...ExportBenchmark serve DIR PORT            # DynamoDB Local on disk (keeps the 100k between runs)
 *   java -cp CP ...ExportBenchmark seed http://127.0.0.1:PORT N
 *   java -Xmx300m -cp CP ...ExportBenchmark export http://127.0.0.1:PORT FORMAT OUTFILE
 * </pre>
 * Peak heap is the sum of the heap pools' peak usage (what the JVM really had in use at the worst moment, garbage
 * included), and the largest heap used right after a GC, sampled every 20 ms.
 */
public final class ExportBenchmark {

    static final String TABLE = "export-bench";
    static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> {
                ServerRunner.createServerFromCommandLineArgs(new String[] {"-dbPath", args[1], "-sharedDb", "-port", args[2]}).start();
                Thread.currentThread().join();
            }
            case "seed" -> seed(args[1], Integer.parseInt(args[2]));
            case "export" -> export(args[1], TranscriptFormat.parse(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static MessagesTable open(String endpoint) throws Exception {
        Path home = Files.createTempDirectory("export-bench");
        return new MessagesTable(DynamoSession.open(ConnectionProfile.forEndpoint(endpoint).withTable(TABLE),
                new AppDirectories(home.resolve("c"), home.resolve("d")), true, s -> { }), SeedUsers.DEFAULT);
    }

    static void seed(String endpoint, int n) throws Exception {
        try (MessagesTable t = open(endpoint)) {
            t.schema().load();
            ChatUser a = SeedUsers.DEFAULT.get(0);
            ChatUser b = SeedUsers.DEFAULT.get(1);
            Instant start = Instant.parse("2025-10-01T00:00:00.5Z");
            long began = System.nanoTime();
            List<WriteRequest> batch = new ArrayList<>(25);
            String last = null;
            for (int i = 0; i < n; i++) {
                Instant at = start.plus(Duration.ofMinutes(2L * i));
                last = MixedTimesConversation.sk(at, i);
                String text = i % 50 == 0 ? "quotes \"here\", a comma and a\nline break " + i
                        : "Message " + i + " of a long support conversation, long enough to look like a real one";
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(TableItems.toItem(TableItems.message(GROUP, last, "bench-" + i, text, i % 2 == 0 ? a : b))).build()).build());
                if (batch.size() == 25 || i == n - 1) {
                    write(t, batch);
                    batch = new ArrayList<>(25);
                }
                if (i % 10_000 == 0) {
                    System.out.println("seed: " + i);
                }
            }
            write(t, List.of(
                    WriteRequest.builder().putRequest(PutRequest.builder().item(TableItems.toItem(TableItems.groupRow(a, b, GROUP, last, "last"))).build()).build(),
                    WriteRequest.builder().putRequest(PutRequest.builder().item(TableItems.toItem(TableItems.groupRow(b, a, GROUP, last, "last"))).build()).build()));
            System.out.printf(Locale.ROOT, "seeded %,d messages in %.1f s%n", n, (System.nanoTime() - began) / 1e9);
        }
    }

    private static void write(MessagesTable t, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = t.session().call(c -> c.batchWriteItem(r -> r.requestItems(request))).unprocessedItems();
        }
    }

    static void export(String endpoint, TranscriptFormat format, Path out) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        AtomicLong maxAfterGc = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean p : heap) {
                    if (p.getCollectionUsage() != null) {
                        used += p.getCollectionUsage().getUsed();
                    }
                }
                maxAfterGc.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        try (MessagesTable t = open(endpoint)) {
            t.timeline().exists(GROUP); // connection and first call outside the timing
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            sampler.start();
            long began = System.nanoTime();
            long n = t.transcripts().toFile(GROUP, format, ZoneOffset.UTC, out, p -> { }, () -> false);
            double seconds = (System.nanoTime() - began) / 1e9;
            sampler.interrupt();
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "export %s: %,d messages in %.1f s = %,.0f messages/s; file %.1f MB; peak heap %.0f MB"
                    + " (pools' peak, garbage included), max used after GC %.0f MB, -Xmx %.0f MB%n",
                    format.extension(), n, seconds, n / seconds, Files.size(out) / 1048576.0, peak / 1048576.0,
                    maxAfterGc.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        }
    }
}
