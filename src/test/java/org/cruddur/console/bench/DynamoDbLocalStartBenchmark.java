package org.cruddur.console.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;

/**
 * The embedded DynamoDB Local's start (issue 12): launch to the first ListTables answered, on an on-disk
 * {@code -sharedDb} database, side by side in one run:
 * <ol>
 *   <li>the command the console used before its launcher: {@code java -Xmx512m -cp "<jars>/*" ServerRunner};</li>
 *   <li>the console's launcher (C1, serial GC, {@code -disableTelemetry}, loopback binding) without a class-data archive;</li>
 *   <li>the same with the class-data archive its first start made.</li>
 * </ol>
 * Medians of {@code bench.dynamodbLocal.rounds} starts each (5; 2 with {@code bench.quick}), in turn. Results:
 * {@code target/bench/dynamodb-local-start.json}. Timing is reported, never asserted.
 */
public final class DynamoDbLocalStartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.dynamodbLocal.rounds", Boolean.getBoolean("bench.quick") ? 2 : 5);
        Path data = Files.createTempDirectory("bench-dynamodb-local-start");
        Path jars = EmbeddedDynamoDbLocal.locate(data).orElseThrow(() -> new IllegalStateException("no DynamoDB Local: run mvn package"));
        // the first start makes the archive; it is not one of the measured ones
        System.setProperty("cruddur.dynamodbLocal.classData", "true");
        EmbeddedDynamoDbLocal.start(data, s -> { }).close();

        Map<String, long[]> times = new LinkedHashMap<>();
        times.put("before: java -Xmx512m -cp <jars>/* ServerRunner", new long[rounds]);
        times.put("launcher: C1, serial GC, -disableTelemetry, no archive", new long[rounds]);
        times.put("launcher: the same with its class-data archive", new long[rounds]);
        for (int i = 0; i < rounds; i++) {
            times.get("before: java -Xmx512m -cp <jars>/* ServerRunner")[i] = plainCommand(jars, data);
            System.setProperty("cruddur.dynamodbLocal.classData", "false");
            times.get("launcher: C1, serial GC, -disableTelemetry, no archive")[i] = launcher(data);
            System.setProperty("cruddur.dynamodbLocal.classData", "true");
            times.get("launcher: the same with its class-data archive")[i] = launcher(data);
            System.out.println("[dynamodb-local-start] round " + (i + 1) + ": " + summary(times, i));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", LocalDate.now().toString());
        doc.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        doc.put("what", "launch to the first ListTables answered, on-disk -sharedDb, medians of " + rounds);
        StringBuilder table = new StringBuilder("| DynamoDB Local started with | median ready after | all |\n|---|---|---|\n");
        Map<String, Object> results = new LinkedHashMap<>();
        times.forEach((name, ms) -> {
            results.put(name, Map.of("median_ms", median(ms), "ms", ms));
            table.append("| ").append(name).append(" | ").append(median(ms)).append(" ms | ").append(Arrays.toString(ms)).append(" |\n");
        });
        doc.put("results", results);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dynamodb-local-start.json"), JSON.writeValueAsString(doc));
        System.out.println(table);
        System.exit(0);
    }

    private static String summary(Map<String, long[]> times, int i) {
        List<String> parts = new ArrayList<>();
        times.forEach((name, ms) -> parts.add(ms[i] + " ms"));
        return String.join(" / ", parts);
    }

    private static long launcher(Path data) {
        long start = System.nanoTime();
        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(data, s -> { })) {
            awaitListTables(local.port());
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** The console's command before its launcher (issue 12's first row), on the same database. */
    private static long plainCommand(Path jars, Path data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.library.path=" + jars, "-cp", jars.toAbsolutePath() + File.separator + "*",
                "software.amazon.dynamodb.services.local.main.ServerRunner", "-sharedDb",
                "-dbPath", data.resolve("dynamodb-local-data").toString(), "-port", Integer.toString(port));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("plain.log").toFile()).start();
        try {
            awaitListTables(port);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitListTables(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!EmbeddedDynamoDbLocal.answersListTables(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DynamoDB Local on port " + port + " did not answer within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
