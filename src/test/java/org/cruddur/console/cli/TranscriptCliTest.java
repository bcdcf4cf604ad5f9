package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.transcripts.MixedTimesConversation;
import org.cruddur.console.testing.LocalDynamoDb;
import org.cruddur.console.testing.Rfc4180;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddb find}, {@code get-conversation --before/--after}, {@code ddb export} and {@code ddb export-user} end to
 * end on a conversation across New Year with mixed sk forms: every export round-trips against
 * {@code get-conversation --all}.
 */
class TranscriptCliTest extends CliRunning {

    @TempDir
    Path tmp;
    MixedTimesConversation conversation;

    @Override
    String tablePrefix() {
        return "transcript-cli";
    }

    @BeforeEach
    void seed() {
        run("ddb", "schema-load");
        try (MessagesTable t = new MessagesTable(DynamoSession.open(ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable(table),
                dirs, false, s -> { }), SeedUsers.DEFAULT)) {
            conversation = MixedTimesConversation.write(t, 240);
        }
    }

    /** get-conversation --all --json, oldest first. */
    private List<JsonNode> allOldestFirst() throws Exception {
        Result all = run("ddb", "get-conversation", conversation.group, "--all", "--json");
        assertThat(all.code()).isZero();
        List<JsonNode> out = new ArrayList<>();
        all.json().forEach(n -> out.add(0, n));
        assertThat(out).hasSize(240);
        return out;
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("message_uuid").asText()));
        return out;
    }

    @Test
    void findPrintsTheObjectsOfGetConversationForExactlyTheMatches() throws Exception {
        Result found = run("ddb", "find", conversation.group, "--text", "refund", "--all", "--json");
        assertThat(found.code()).isZero();
        assertThat(ids(found.json())).isEqualTo(conversation.refundsNewestFirst().stream().map(MixedTimesConversation.Sent::messageUuid).toList());
        JsonNode first = found.json().get(0);
        JsonNode same = null;
        for (JsonNode n : run("ddb", "get-conversation", conversation.group, "--all", "--json").json()) {
            if (n.get("message_uuid").equals(first.get("message_uuid"))) {
                same = n;
            }
        }
        assertThat(first).isEqualTo(same);
        Result limited = run("ddb", "find", conversation.group, "--text", "Refund", "--limit", "3");
        assertThat(limited.out().lines()).hasSize(3);
        assertThat(limited.err()).contains("older matches");
        Result none = run("ddb", "find", conversation.group, "--text", "zebra", "--json");
        assertThat(none.code()).isZero();
        assertThat(none.json()).isEmpty();
    }

    @Test
    void beforeAndAfterAcrossNewYearWithTimesInAnyForm() throws Exception {
        List<JsonNode> all = allOldestFirst();
        // midnight UTC written as Sydney-style +10:00: the strictly older ones, newest first
        Result before = run("ddb", "get-conversation", conversation.group, "--before", "2026-01-01T10:00:00+10:00", "--limit", "5", "--json");
        assertThat(before.code()).isZero();
        List<String> expected = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && expected.size() < 5; i--) {
            if (conversation.oldestFirst.get(i).at().isBefore(java.time.Instant.parse("2026-01-01T00:00:00Z"))) {
                expected.add(all.get(i).get("message_uuid").asText());
            }
        }
        assertThat(ids(before.json())).isEqualTo(expected);
        Result after = run("ddb", "get-conversation", conversation.group, "--after", "2026-01-01 00:00:00", "--all", "--json");
        List<String> later = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (conversation.oldestFirst.get(i).at().isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"))) {
                later.add(all.get(i).get("message_uuid").asText());
            }
        }
        assertThat(ids(after.json())).isEqualTo(later);
        assertThat(after.json().get(0)).isEqualTo(all.get(all.size() - later.size()));

        Result bad = run("ddb", "get-conversation", conversation.group, "--before", "yesterday");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).hasSize(1);
        assertThat(bad.out()).isEmpty();
        assertThat(run("ddb", "get-conversation", "no-such-group", "--after", "2026-01-01T00:00:00Z").code()).isEqualTo(1);
        assertThat(run("ddb", "get-conversation", conversation.group, "--before", "2026-01-01", "--after", "2026-01-02").code()).isEqualTo(2);
    }

    @Test
    void jsonExportRoundTripsAgainstGetConversationAll() throws Exception {
        List<JsonNode> all = allOldestFirst();
        Path file = tmp.resolve("c.json");
        Result r = run("ddb", "export", conversation.group, "--format", "json", "--output", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode exported = JSON.readTree(file.toFile());
        assertThat(exported.get("message_group_uuid").asText()).isEqualTo(conversation.group);
        assertThat(exported.get("exported_at").asText()).isNotBlank();
        List<String> handles = new ArrayList<>();
        exported.get("participants").forEach(p -> handles.add(p.get("handle").asText() + "/" + p.get("display_name").asText()
                + "/" + p.get("user_uuid").asText()));
        assertThat(handles).containsExactlyInAnyOrder(
                "mara/" + MixedTimesConversation.MARA.displayName() + "/" + MixedTimesConversation.MARA.uuid(),
                "tobi/" + MixedTimesConversation.TOBI.displayName() + "/" + MixedTimesConversation.TOBI.uuid());
        List<JsonNode> messages = new ArrayList<>();
        exported.get("messages").forEach(messages::add);
        assertThat(messages).isEqualTo(all);
        // stdout gives the same messages
        JsonNode stdout = run("ddb", "export", conversation.group, "--format", "json").json();
        assertThat(stdout.get("messages")).isEqualTo(exported.get("messages"));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("c.json");
        }
    }

    @Test
    void csvExportRoundTripsThroughAnRfc4180Reader() throws Exception {
        List<JsonNode> all = allOldestFirst();
        Path file = tmp.resolve("c.csv");
        assertThat(run("ddb", "export", conversation.group, "--format", "csv", "--output", file.toString()).code()).isZero();
        List<List<String>> records = Rfc4180.parse(Files.readString(file));
        assertThat(records.get(0)).containsExactly("created_at", "user_uuid", "user_handle", "user_display_name", "message_uuid", "message");
        assertThat(records).hasSize(all.size() + 1);
        for (int i = 0; i < all.size(); i++) {
            JsonNode m = all.get(i);
            assertThat(records.get(i + 1)).containsExactly(m.get("created_at").asText(), m.get("user_uuid").asText(),
                    m.get("user_handle").asText(), m.get("user_display_name").asText(), m.get("message_uuid").asText(), m.get("message").asText());
        }
        assertThat(records.stream().map(r -> r.get(5))).anyMatch(t -> t.contains("\"like this\", commas, and a\nline break"))
                .anyMatch(t -> t.contains("🎉") && t.contains("\r\n"));
    }

    @Test
    void readableExportsHaveParticipantsDayHeadingsAndZoneTimes() throws Exception {
        Path md = tmp.resolve("c.md");
        assertThat(run("ddb", "export", conversation.group, "--format", "md", "--output", md.toString(), "--time-zone", "Pacific/Auckland").code()).isZero();
        String text = Files.readString(md);
        assertThat(text).contains("# Conversation " + conversation.group).contains("@mara").contains("@tobi").contains("Times in: Pacific/Auckland");
        // 09:00:00.123456Z on 31 Dec is 22:00 in Auckland (+13:00): the first heading and time
        assertThat(text).contains("## Wednesday, 31 December 2025").contains("- **22:00:00** ");
        assertThat(text.indexOf("## Thursday, 1 January 2026")).isGreaterThan(text.indexOf("## Wednesday, 31 December 2025"));
        assertThat(text.lines().filter(l -> l.startsWith("- **"))).hasSize(240);

        Path txt = tmp.resolve("c.txt");
        assertThat(run("ddb", "export", conversation.group, "--format", "txt", "--output", txt.toString(), "--time-zone", "UTC").code()).isZero();
        String plain = Files.readString(txt);
        assertThat(plain).contains("=== Wednesday, 31 December 2025 ===").contains("=== Thursday, 1 January 2026 ===")
                .contains("09:00:00  " + MixedTimesConversation.MARA.displayName() + " (@mara): Refund please (0)");
    }

    @Test
    void unknownConversationBadZoneAndBadFormatWriteNothing() {
        Path file = tmp.resolve("x.json");
        Result unknown = run("ddb", "export", "no-such-group", "--format", "json", "--output", file.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err().lines()).hasSize(1);
        Result zone = run("ddb", "export", conversation.group, "--format", "md", "--time-zone", "Mars/Olympus", "--output", file.toString());
        assertThat(zone.code()).isEqualTo(2);
        assertThat(zone.err().lines()).hasSize(1);
        Result format = run("ddb", "export", conversation.group, "--format", "pdf", "--output", file.toString());
        assertThat(format.code()).isEqualTo(2);
        Result toStdout = run("ddb", "export", "no-such-group", "--format", "json");
        assertThat(toStdout.code()).isEqualTo(1);
        assertThat(toStdout.out()).isEmpty();
        assertThat(tmp.toFile().list()).isEmpty();
        assertThat(run("ddb", "find", "no-such-group", "--text", "x").code()).isEqualTo(1);
    }

    @Test
    void exportUserWritesOneFilePerConversationAndAnIndex() throws Exception {
        String second = run("ddb", "post", "--from", "@mara", "--to", "@lenam", "--text", "hello, Lena", "--json").json()
                .get("message_group_uuid").asText();
        Path dir = tmp.resolve("mara");
        Result r = run("ddb", "export-user", "@mara", "--format", "csv", "--output", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        assertThat(index.get("conversations")).hasSize(2);
        List<String> files = new ArrayList<>();
        for (JsonNode c : index.get("conversations")) {
            files.add(c.get("file").asText());
            List<List<String>> rows = Rfc4180.parse(Files.readString(dir.resolve(c.get("file").asText())));
            assertThat(rows).hasSize(c.get("messages").asInt() + 1);
        }
        assertThat(files).anyMatch(f -> f.equals("lenam_" + second + ".csv")).anyMatch(f -> f.equals("tobi_" + conversation.group + ".csv"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(files.stream(), Stream.of("index.json")).toList());
        }
        assertThat(run("ddb", "export-user", "@nobody-here", "--format", "csv", "--output", dir.toString()).code()).isEqualTo(1);
    }
}
