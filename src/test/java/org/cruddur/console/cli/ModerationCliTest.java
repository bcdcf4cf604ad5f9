package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.moderation.ModerationLog;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/** {@code ddb delete-message} / {@code ddb edit-message} end to end: JSON contract, exit codes, --yes, the write lock, the log. */
class ModerationCliTest extends CliRunning {

    @Override
    String tablePrefix() {
        return "moderation-cli";
    }

    private record Conversation(String group, List<JsonNode> posts) {
    }

    private Conversation threeMessages() throws Exception {
        run("ddb", "schema-load");
        List<JsonNode> posts = new ArrayList<>();
        posts.add(run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "one", "--json").json());
        String group = posts.get(0).get("message_group_uuid").asText();
        posts.add(run("ddb", "post", "--from", "@tobi", "--group", group, "--text", "two", "--json").json());
        posts.add(run("ddb", "post", "--from", "@mara", "--group", group, "--text", "three", "--json").json());
        return new Conversation(group, posts);
    }

    private JsonNode inbox(String handle) throws Exception {
        return run("ddb", "list-conversations", handle, "--json").json();
    }

    private List<String> logLines() throws Exception {
        var file = dirs.dataDir().resolve(ModerationLog.FILE_NAME);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void deleteOfTheNewestPrintsWhatMovedAndBothInboxesShowThePreviousMessage() throws Exception {
        Conversation c = threeMessages();
        String newest = c.posts().get(2).get("message_uuid").asText();

        Result r = run("ddb", "delete-message", c.group(), newest, "--yes", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = r.json();
        List<String> fields = new ArrayList<>();
        o.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("action", "message_group_uuid", "message_uuid", "message_key", "group_rows",
                "group_row_changes", "last_message_at", "attempts");
        assertThat(o.get("action").asText()).isEqualTo("delete-message");
        assertThat(o.get("message_key").get("pk").asText()).isEqualTo("MSG#" + c.group());
        assertThat(o.get("message_key").get("sk").asText()).isEqualTo(c.posts().get(2).get("created_at").asText());
        assertThat(o.get("group_rows").asText()).isEqualTo("moved");
        String previousAt = c.posts().get(1).get("created_at").asText();
        assertThat(o.get("last_message_at").asText()).isEqualTo(previousAt);
        assertThat(o.get("group_row_changes")).hasSize(2);
        for (JsonNode change : o.get("group_row_changes")) {
            assertThat(change.get("pk").asText()).startsWith("GRP#");
            assertThat(change.get("sk_after").asText()).isEqualTo(previousAt);
        }
        for (String handle : List.of("@mara", "@tobi")) {
            JsonNode rows = inbox(handle);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("last_message").asText()).isEqualTo("two");
            assertThat(rows.get(0).get("last_message_at").asText()).isEqualTo(previousAt);
        }
        assertThat(run("ddb", "get-conversation", c.group(), "--json").json()).hasSize(2);
        assertThat(logLines()).hasSize(1);
    }

    @Test
    void editOfTheNewestUpdatesBothInboxesAndPrintsIt() throws Exception {
        Conversation c = threeMessages();
        String newest = c.posts().get(2).get("message_uuid").asText();

        Result readable = run("ddb", "edit-message", c.group(), newest, "--text", "[removed]");
        assertThat(readable.code()).as(readable.err()).isZero();
        assertThat(readable.out()).contains("Edited message " + newest).contains("inbox rows now show the new text (2 rows)");
        for (String handle : List.of("@mara", "@tobi")) {
            assertThat(inbox(handle).get(0).get("last_message").asText()).isEqualTo("[removed]");
        }
        Result json = run("ddb", "edit-message", c.group(), c.posts().get(0).get("message_uuid").asText(), "--text", "x", "--json");
        assertThat(json.json().get("group_rows").asText()).isEqualTo("unchanged");
        assertThat(json.json().get("group_row_changes")).isEmpty();
        assertThat(logLines()).hasSize(2);
    }

    @Test
    void deleteOfTheOnlyMessageRemovesTheConversationFromBothInboxes() throws Exception {
        run("ddb", "schema-load");
        JsonNode post = run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "only", "--json").json();
        Result r = run("ddb", "delete-message", post.get("message_group_uuid").asText(), post.get("message_uuid").asText(), "--yes");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("the conversation's inbox rows were deleted (2 rows)");
        assertThat(run("ddb", "list-conversations", "@mara", "--json").json()).isEmpty();
        assertThat(run("ddb", "list-conversations", "@tobi", "--json").json()).isEmpty();
    }

    @Test
    void unknownIdsBadTextAndMissingYesAreOneLineErrorsWithNothingWritten() throws Exception {
        Conversation c = threeMessages();
        String newest = c.posts().get(2).get("message_uuid").asText();
        String before = run("ddb", "scan", "--json").out();

        Result unknownMessage = run("ddb", "delete-message", c.group(), "00000000-0000-0000-0000-000000000000", "--yes");
        assertThat(unknownMessage.code()).isEqualTo(1);
        assertThat(unknownMessage.err().strip()).startsWith("error: No message '00000000-0000-0000-0000-000000000000'").doesNotContain("\n");
        Result unknownGroup = run("ddb", "edit-message", "11111111-1111-1111-1111-111111111111", newest, "--text", "x");
        assertThat(unknownGroup.code()).isEqualTo(1);
        assertThat(unknownGroup.err().strip()).startsWith("error: No conversation '11111111-1111-1111-1111-111111111111'").doesNotContain("\n");
        Result blank = run("ddb", "edit-message", c.group(), newest, "--text", "   ");
        assertThat(blank.code()).isEqualTo(1);
        assertThat(blank.err().strip()).isEqualTo("error: Message is empty");
        // tests run without a terminal: no --yes, no delete
        Result noYes = run("ddb", "delete-message", c.group(), newest);
        assertThat(noYes.code()).isEqualTo(1);
        assertThat(noYes.err().strip()).isEqualTo("error: delete-message needs --yes when there is no terminal to confirm on");
        Result usage = run("ddb", "delete-message", c.group());
        assertThat(usage.code()).isEqualTo(2);
        Result noText = run("ddb", "edit-message", c.group(), newest);
        assertThat(noText.code()).isEqualTo(2);

        assertThat(run("ddb", "scan", "--json").out()).isEqualTo(before);
        assertThat(logLines()).isEmpty();
    }

    @Test
    void readOnlyProfilesRefuseUnlessUnlocked() throws Exception {
        Conversation c = threeMessages();
        String newest = c.posts().get(2).get("message_uuid").asText();
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), """
                {"profiles": [{"name": "staging", "kind": "endpoint", "endpoint": "%s", "table": "%s", "read_only": true}]}
                """.formatted(LocalDynamoDb.endpoint(), table));
        String before = run("ddb", "scan", "--json").out();

        Result refused = runRaw("--profile", "staging", "ddb", "delete-message", c.group(), newest, "--yes");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("error: Profile 'staging' is read-only: delete-message refused (unlock writes first: --allow-writes)");
        // refused before the missing --yes is even considered
        Result refusedNoYes = runRaw("--profile", "staging", "ddb", "delete-message", c.group(), newest);
        assertThat(refusedNoYes.err()).contains("read-only: delete-message refused");
        Result editRefused = runRaw("--profile", "staging", "ddb", "edit-message", c.group(), newest, "--text", "x");
        assertThat(editRefused.err().strip()).isEqualTo("error: Profile 'staging' is read-only: edit-message refused (unlock writes first: --allow-writes)");
        assertThat(run("ddb", "scan", "--json").out()).isEqualTo(before);
        assertThat(logLines()).isEmpty();

        assertThat(runRaw("--profile", "staging", "--allow-writes", "ddb", "delete-message", c.group(), newest, "--yes").code()).isZero();
        assertThat(logLines()).hasSize(1);
        assertThat(logLines().get(0)).contains("\"profile\":\"staging\"");
    }
}
