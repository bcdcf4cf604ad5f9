package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/** The CLI end to end on the real DynamoDB Local: commands, JSON contract, exit codes. */
class CliTest extends CliRunning {

    @Override
    String tablePrefix() {
        return "cli";
    }

    @Test
    void schemaSeedListGetPostEndToEnd() throws Exception {
        assertThat(run("ddb", "schema-load").out()).startsWith("Created table '" + table + "'");
        assertThat(run("ddb", "schema-load").out()).startsWith("Table already exists: '" + table + "'");
        assertThat(run("ddb", "list-tables").out().lines()).contains(table);

        Result seeded = run("ddb", "seed", "--conversations", "4", "--messages", "130");
        assertThat(seeded.code()).isZero();
        assertThat(seeded.out()).startsWith("Seeded 138 items (4 conversations, 130 messages)");

        JsonNode inbox = run("ddb", "list-conversations", "@mara", "--json").json();
        assertThat(inbox).hasSize(4);
        JsonNode top = inbox.get(0);
        assertThat(fieldNames(top)).containsExactly("message_group_uuid", "other_user_uuid", "other_user_display_name",
                "other_user_handle", "last_message", "last_message_at");
        assertThat(top.get("other_user_handle").asText()).isEqualTo("tobi");
        assertThat(inbox.get(0).get("last_message_at").asText()).isGreaterThan(inbox.get(1).get("last_message_at").asText());
        assertThat(run("ddb", "list-conversations", SeedUsers.DEFAULT.get(0).uuid(), "--limit", "2", "--json").json()).hasSize(2);

        String group = top.get("message_group_uuid").asText();
        JsonNode page = run("ddb", "get-conversation", group, "--json").json();
        assertThat(page).hasSize(33); // 130 messages over 4 conversations: 33, 33, 32, 32; default limit 50
        assertThat(fieldNames(page.get(0))).containsExactly("message_uuid", "user_uuid", "user_display_name", "user_handle",
                "message", "created_at");
        assertThat(page.get(0).get("created_at").asText()).isEqualTo(top.get("last_message_at").asText());
        assertThat(page.get(0).get("message").asText()).isEqualTo(top.get("last_message").asText());
        assertThat(run("ddb", "get-conversation", group, "--limit", "5", "--json").json()).hasSize(5);
        assertThat(run("ddb", "get-conversation", group, "--all", "--json").json()).hasSize(33);

        JsonNode posted = run("ddb", "post", "--from", "@tobi", "--group", group, "--text", "Back at you", "--json").json();
        assertThat(fieldNames(posted)).containsExactly("message_group_uuid", "message_uuid", "created_at");
        assertThat(posted.get("message_group_uuid").asText()).isEqualTo(group);
        JsonNode after = run("ddb", "get-conversation", group, "--limit", "1", "--json").json();
        assertThat(after.get(0).get("message").asText()).isEqualTo("Back at you");
        assertThat(after.get(0).get("created_at").asText()).isEqualTo(posted.get("created_at").asText());
        assertThat(after.get(0).get("user_handle").asText()).isEqualTo("tobi");

        // a first message to someone new, then the conversation tops both lists
        JsonNode fresh = run("ddb", "post", "--from", "@ravi", "--to", "@ines", "--text", "Hi Inês", "--json").json();
        JsonNode ines = run("ddb", "list-conversations", "@ines", "--json").json();
        assertThat(ines.get(0).get("message_group_uuid").asText()).isEqualTo(fresh.get("message_group_uuid").asText());
        assertThat(ines.get(0).get("other_user_handle").asText()).isEqualTo("ravi");

        JsonNode scan = run("ddb", "scan", "--limit", "7", "--json").json();
        assertThat(scan).hasSize(7);
        assertThat(scan.get(0).has("pk")).isTrue();
        assertThat(run("ddb", "describe").out()).contains("message-group-sk-index").contains("NEW_IMAGE");

        assertThat(run("ddb", "drop", "--yes").out()).startsWith("Dropped table '" + table + "'");
    }

    @Test
    void operationalErrorsExitOneWithOneLine() throws Exception {
        Result missing = run("ddb", "get-conversation", "no-such-group");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: Table '" + table + "' does not exist")
                .endsWith("(load the schema first: ddb schema-load)").doesNotContain("\n");

        run("ddb", "schema-load");
        Result empty = run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", " ");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err().strip()).isEqualTo("error: Message is empty");
        Result unknown = run("ddb", "post", "--from", "@mara", "--to", "@nobody", "--text", "hi");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("Unknown user '@nobody'");
        assertThat(run("ddb", "scan", "--json").json()).isEmpty();

        Result down = runRaw("--endpoint", "http://127.0.0.1:" + LocalDynamoDb.freePort(), "ddb", "list-tables");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err().strip()).matches("error: Cannot reach DynamoDB at http://127\\.0\\.0\\.1:\\d+ \\(connection refused\\)");
    }

    /** Issue 9, defect 11: --debug adds the stack trace; without it the error stays one line; both go to the log file. */
    @Test
    void debugPrintsTheStackTraceAndTheLogFileKeepsTheError() throws Exception {
        Result plain = run("ddb", "get-conversation", "no-such-group");
        assertThat(plain.err().strip()).startsWith("error: Table '" + table + "' does not exist").doesNotContain("\n");

        Result debug = run("--debug", "ddb", "get-conversation", "no-such-group");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err().lines().findFirst().orElseThrow()).startsWith("error: Table '" + table + "' does not exist");
        assertThat(debug.err()).contains("ConsoleException").contains("\tat org.cruddur.console.");

        java.nio.file.Path log = dirs.dataDir().resolve("logs/console-0.log");
        assertThat(java.nio.file.Files.readString(log)).contains("get-conversation: Table '" + table + "' does not exist");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("ddb", "post", "--from", "@mara", "--text", "no target").code()).isEqualTo(2);
        assertThat(run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--group", "g", "--text", "both").code()).isEqualTo(2);
        assertThat(run("ddb", "list-conversations", "@mara", "--limit", "5", "--all").code()).isEqualTo(2);
        assertThat(run("ddb", "no-such-command").code()).isEqualTo(2);
    }

    @Test
    void readOnlyProfileFromTheProfilesFileRefusesWritesUnlessUnlocked() throws Exception {
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), """
                {"profiles": [
                  {"name": "staging", "kind": "endpoint", "endpoint": "%s", "table": "%s", "read_only": true},
                  {"name": "broken", "kind": "warp-drive"}
                ]}
                """.formatted(LocalDynamoDb.endpoint(), table));
        Result refused = runRaw("--profile", "staging", "ddb", "schema-load");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("error: Profile 'staging' is read-only: schema-load refused (unlock writes first: --allow-writes)");
        assertThat(runRaw("--profile", "staging", "ddb", "list-tables").out().lines()).doesNotContain(table);

        assertThat(runRaw("--profile", "staging", "--allow-writes", "ddb", "schema-load").code()).isZero();
        assertThat(runRaw("--profile", "staging", "ddb", "list-tables").out().lines()).contains(table);

        Result unknown = runRaw("--profile", "nope", "ddb", "list-tables");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No profile named 'nope'").contains("profile #2 'broken'");
    }

    @Test
    void seedFromAUsersFileAndResolveItsHandles() throws Exception {
        java.nio.file.Path users = Files.createTempFile("users", ".json");
        Files.writeString(users, """
                [{"uuid": "11111111-1111-4111-8111-111111111111", "handle": "ada", "display_name": "Ada L"},
                 {"uuid": "22222222-2222-4222-8222-222222222222", "handle": "bob", "display_name": "Bob K", "email": "bob@example.com"}]
                """);
        run("ddb", "schema-load");
        assertThat(run("ddb", "seed", "--users", users.toString(), "--conversations", "1", "--messages", "5").code()).isZero();
        // @ada is not a built-in seed user: it resolves through the group rows now in the table
        JsonNode inbox = run("ddb", "list-conversations", "@bob", "--json").json();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("other_user_handle").asText()).isEqualTo("ada");
        assertThat(run("ddb", "post", "--from", "@ada", "--to", "@bob", "--text", "hi").code()).isZero();

        Files.writeString(users, "[{\"uuid\": \"not-a-uuid\", \"handle\": \"x\", \"display_name\": \"X\"}]");
        Result bad = run("ddb", "seed", "--users", users.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("error: " + users + ": user #1: uuid 'not-a-uuid' is not a UUID");
    }

    @Test
    void versionAndHelp() {
        Result version = runRaw("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Cruddur Messages Console ").doesNotContain("${");
        assertThat(runRaw("--help").out()).contains("ddb").contains("--allow-writes");
        assertThat(runRaw("ddb", "--help").out()).contains("schema-load", "list-conversations", "get-conversation", "post", "seed", "scan");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
