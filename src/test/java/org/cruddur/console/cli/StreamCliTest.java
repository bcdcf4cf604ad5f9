package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** {@code ddb stream tail} / {@code ddb stream enable} end to end: the JSON lines contract, --max, --from latest, --follow, Ctrl+C. */
class StreamCliTest extends CliRunning {

    @Override
    String tablePrefix() {
        return "stream-cli";
    }

    static List<JsonNode> lines(Result r) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private DynamoSession direct() {
        return DynamoSession.open(ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable(table), dirs, false, s -> { });
    }

    @Test
    void tailPrintsJsonLinesOldestFirstWithKindsAndTheLambdaVerdict() throws Exception {
        run("ddb", "schema-load");
        String group = run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "one", "--json").json().get("message_group_uuid").asText();
        // the backend writes a message and its Lambda never runs
        try (DynamoSession s = direct()) {
            s.call(c -> c.putItem(p -> p.tableName(table).item(TableItems.toItem(TableItems.message(group,
                    "2099-01-01T00:00:00.000000+00:00", UUID.randomUUID().toString(), "backend", SeedUsers.DEFAULT.get(1))))));
        }
        Result r = run("ddb", "stream", "tail", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = lines(r);
        assertThat(lines).extracting(l -> l.get("kind").asText()).containsExactly("message", "group_row", "group_row", "message");
        JsonNode first = lines.get(0);
        assertThat(fieldNames(first)).containsExactly("event_id", "event_name", "approximate_creation_time", "pk", "sk", "kind",
                "message_group_uuid", "user_uuid", "message", "lambda");
        assertThat(first.get("event_name").asText()).isEqualTo("INSERT");
        assertThat(first.get("pk").asText()).isEqualTo("MSG#" + group);
        assertThat(first.get("user_uuid").asText()).isEqualTo(SeedUsers.DEFAULT.get(0).uuid());
        assertThat(first.get("message").asText()).isEqualTo("one");
        assertThat(first.get("lambda").asText()).isEqualTo("rows_at_message"); // the rows still name it: the later message never moved them
        assertThat(fieldNames(lines.get(1))).doesNotContain("lambda");
        assertThat(lines.get(1).get("message_group_uuid").asText()).isEqualTo(group);
        assertThat(lines.get(3).get("message").asText()).isEqualTo("backend");
        assertThat(lines.get(3).get("lambda").asText()).isEqualTo("rows_behind");
        java.time.Instant.parse(first.get("approximate_creation_time").asText());

        Result readable = run("ddb", "stream", "tail");
        assertThat(readable.code()).isZero();
        assertThat(readable.out().lines().count()).isEqualTo(4);
        assertThat(readable.out()).contains("lambda: rows behind");
    }

    @Test
    void maxStopsAfterNAndLatestPrintsOnlyWhatComesAfter() throws Exception {
        run("ddb", "schema-load");
        run("ddb", "seed", "--conversations", "2", "--messages", "10");
        Result two = run("ddb", "stream", "tail", "--json", "--max", "2");
        assertThat(two.code()).isZero();
        assertThat(lines(two)).hasSize(2);
        assertThat(lines(run("ddb", "stream", "tail", "--json"))).hasSize(14);

        Result latest = run("ddb", "stream", "tail", "--from", "latest", "--json");
        assertThat(latest.code()).isZero();
        assertThat(latest.out()).isEmpty();

        // following from latest waits across the end of the records, then picks up the next post
        CompletableFuture<Result> follow = CompletableFuture.supplyAsync(() -> run("ddb", "stream", "tail", "--from", "latest",
                "--follow", "--max", "1", "--json"));
        Thread.sleep(1500);
        assertThat(follow).isNotDone();
        run("ddb", "post", "--from", "@mara", "--to", "@lenam", "--text", "while following");
        Result followed = follow.get(60, TimeUnit.SECONDS);
        assertThat(followed.code()).isZero();
        assertThat(lines(followed)).singleElement().satisfies(l -> assertThat(l.get("message").asText()).isEqualTo("while following"));

        assertThat(run("ddb", "stream", "tail", "--max", "0").code()).isEqualTo(2);
        assertThat(run("ddb", "stream", "tail", "--from", "yesterday").code()).isEqualTo(2);
    }

    @Test
    void aTableWithoutAStreamIsOneLineNamingTheRemedyAndEnableTurnsItOn() throws Exception {
        try (DynamoSession s = direct()) {
            s.call(c -> c.createTable(new org.cruddur.console.service.items.MessagesSchema(s).createTableRequest().toBuilder()
                    .streamSpecification((StreamSpecification) null).build()));
        }
        Result none = run("ddb", "stream", "tail");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err().strip()).doesNotContain("\n").startsWith("error: Table '" + table + "' has no stream")
                .contains("ddb stream enable");

        Result enabled = run("ddb", "stream", "enable");
        assertThat(enabled.code()).isZero();
        assertThat(enabled.out()).contains("Enabled the stream").contains("NEW_IMAGE");
        assertThat(run("ddb", "stream", "enable").out()).contains("already on");
        run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "now streamed");
        assertThat(lines(run("ddb", "stream", "tail", "--json"))).filteredOn(l -> l.get("kind").asText().equals("message"))
                .singleElement().satisfies(l -> assertThat(l.get("lambda").asText()).isEqualTo("rows_at_message"));
    }

    /** A real SIGINT to a real CLI process following the stream: it ends cleanly, exit 0, with what it printed. */
    @Test
    void ctrlCEndsAFollowingTailWithExitZero() throws Exception {
        run("ddb", "schema-load");
        run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "before Ctrl+C");
        Path home = Files.createTempDirectory("stream-cli-home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.cruddur.console.Launcher",
                "--endpoint", LocalDynamoDb.endpoint(), "--table", table, "ddb", "stream", "tail", "--follow", "--json")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("CRUDDUR_CONSOLE_HOME", home.toString());
        Process tail = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add(out.readLine()); // the post's three records: the tail is following now
            }
            assertThat(seen).allSatisfy(l -> assertThat(l).startsWith("{"));
            new ProcessBuilder("kill", "-INT", Long.toString(tail.pid())).inheritIO().start().waitFor();
            assertThat(tail.waitFor(30, TimeUnit.SECONDS)).as("ended after SIGINT").isTrue();
            assertThat(tail.exitValue()).isZero();
            assertThat(out.readLine()).isNull();
        } finally {
            tail.destroyForcibly();
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
