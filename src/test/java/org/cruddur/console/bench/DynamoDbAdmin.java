package org.cruddur.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package dynamodb-admin (the popular web GUI for DynamoDB Local), installed into target/ by npm and run
 * against the same server, so its filtered item listing can be timed beside the console's scan.
 */
final class DynamoDbAdmin implements AutoCloseable {

    static final String VERSION = "5.3.3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private DynamoDbAdmin(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static DynamoDbAdmin start(Path installDir, String dynamoEndpoint, int port) throws IOException, InterruptedException {
        Path script = installDir.resolve("node_modules/dynamodb-admin/dist/dynamodb-admin.js");
        if (!Files.exists(script)) {
            Files.createDirectories(installDir);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", installDir.toString(),
                    "dynamodb-admin@" + VERSION).inheritIO().start();
            if (npm.waitFor() != 0 || !Files.exists(script)) {
                throw new IOException("npm could not install dynamodb-admin@" + VERSION);
            }
        }
        Process process = new ProcessBuilder("node", script.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--dynamo-endpoint", dynamoEndpoint)
                .redirectErrorStream(true)
                .redirectOutput(installDir.resolve("dynamodb-admin.log").toFile())
                .start();
        DynamoDbAdmin admin = new DynamoDbAdmin(process, "http://127.0.0.1:" + port);
        admin.awaitReady();
        return admin;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("dynamodb-admin did not start");
    }

    /**
     * Every item matching the filter, following dynamodb-admin's pages as its UI does (each page is filled by Scan
     * calls of Limit 10 inside dynamodb-admin), until the last page or until {@code budget} has passed.
     */
    FilteredCount countFiltered(String table, String attribute, String operator, String value, int pageSize, Duration budget)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        String filters = JSON.writeValueAsString(java.util.Map.of(attribute, java.util.Map.of("type", "S", "operator", operator, "value", value)));
        String startKey = null;
        long count = 0;
        do {
            StringBuilder url = new StringBuilder(base).append("/tables/").append(table).append("/items?operationType=scan&pageSize=")
                    .append(pageSize).append("&filters=").append(URLEncoder.encode(filters, StandardCharsets.UTF_8));
            if (startKey != null) {
                url.append("&startKey=").append(URLEncoder.encode(startKey, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("dynamodb-admin answered " + r.statusCode() + ": " + r.body().lines().findFirst().orElse(""));
            }
            JsonNode page = JSON.readTree(r.body());
            count += page.path("Items").size();
            JsonNode next = page.get("nextKey");
            startKey = next == null || next.isNull() ? null : java.net.URLDecoder.decode(next.asText(), StandardCharsets.UTF_8);
            if (startKey != null && System.nanoTime() > deadline) {
                return new FilteredCount(count, false);
            }
        } while (startKey != null);
        return new FilteredCount(count, true);
    }

    /** Matches read, and whether dynamodb-admin got to the end of the table within the budget. */
    record FilteredCount(long matches, boolean complete) {
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static List<String> describe() {
        return List.of("dynamodb-admin@" + VERSION + " (npm), filter through GET /tables/<t>/items?filters=...&pageSize=100");
    }
}
