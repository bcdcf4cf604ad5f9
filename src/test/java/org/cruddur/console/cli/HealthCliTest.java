package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code ddb check} / {@code ddb repair} end to end: the JSON contract, exit codes 0 / 3 / 1 / 2, dry-run, the write lock. */
class HealthCliTest extends CliRunning {

    @Override
    String tablePrefix() {
        return "health-cli";
    }

    /** A conversation posted through the CLI, then a second group row for Tobi (the stream Lambda's race). */
    private String damage() throws Exception {
        run("ddb", "schema-load");
        String group = run("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "one", "--json").json().get("message_group_uuid").asText();
        JsonNode second = run("ddb", "post", "--from", "@tobi", "--group", group, "--text", "two", "--json").json();
        try (MessagesTable t = new MessagesTable(DynamoSession.open(ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable(table),
                dirs, false, s -> { }), SeedUsers.DEFAULT)) {
            String earlier = second.get("created_at").asText().substring(0, 20) + "000000+00:00";
            t.session().call(c -> c.putItem(p -> p.tableName(table).item(TableItems.toItem(TableItems.groupRow(SeedUsers.DEFAULT.get(1),
                    SeedUsers.DEFAULT.get(0), group, earlier, "one")))));
        }
        return group;
    }

    @Test
    void checkPrintsTheJsonContractAndExitsThreeOnProblems() throws Exception {
        run("ddb", "schema-load");
        run("ddb", "seed", "--conversations", "2", "--messages", "10");
        Result healthy = run("ddb", "check", "--json");
        assertThat(healthy.code()).isZero();
        JsonNode clean = healthy.json();
        assertThat(fieldNames(clean)).containsExactly("items_scanned", "conversations", "findings", "counts");
        assertThat(clean.get("items_scanned").asLong()).isEqualTo(14);
        assertThat(clean.get("conversations").asLong()).isEqualTo(2);
        assertThat(clean.get("findings")).isEmpty();
        assertThat(clean.get("counts").get("duplicate_group_row").asLong()).isZero();

        String group = damage();
        Result damaged = run("ddb", "check", "--json");
        assertThat(damaged.code()).isEqualTo(3);
        JsonNode findings = damaged.json().get("findings");
        assertThat(findings).hasSize(1);
        JsonNode f = findings.get(0);
        assertThat(fieldNames(f)).containsExactly("kind", "severity", "message_group_uuid", "pk", "sk", "detail", "repairable");
        assertThat(f.get("kind").asText()).isEqualTo("duplicate_group_row");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("message_group_uuid").asText()).isEqualTo(group);
        assertThat(f.get("pk").asText()).isEqualTo("GRP#" + SeedUsers.DEFAULT.get(1).uuid());
        assertThat(f.get("repairable").asBoolean()).isTrue();
        assertThat(damaged.json().get("counts").get("duplicate_group_row").asLong()).isEqualTo(1);

        Result readable = run("ddb", "check");
        assertThat(readable.code()).isEqualTo(3);
        assertThat(readable.out()).contains("duplicate_group_row").contains(group);

        // info findings alone exit 0
        put(TableItems.toItem(TableItems.message(group, "2026-01-01T10:00:00", "m-naive", "naive time", SeedUsers.DEFAULT.get(0))));
        assertThat(run("ddb", "repair").code()).isZero();
        Result infoOnly = run("ddb", "check", "--json");
        assertThat(infoOnly.code()).isZero();
        assertThat(infoOnly.json().get("findings").get(0).get("kind").asText()).isEqualTo("naive_timestamp");
        assertThat(infoOnly.json().get("findings").get(0).get("message_group_uuid").asText()).isEqualTo(group);
    }

    @Test
    void repairDryRunPrintsThePlanAndWritesNothing() throws Exception {
        String group = damage();
        Result plan = run("ddb", "repair", "--dry-run", "--json");
        assertThat(plan.code()).isZero();
        JsonNode writes = plan.json().get("writes");
        assertThat(fieldNames(plan.json())).containsExactly("writes");
        assertThat(writes).hasSize(1);
        assertThat(fieldNames(writes.get(0))).containsExactly("message_group_uuid", "delete", "put");
        assertThat(writes.get(0).get("message_group_uuid").asText()).isEqualTo(group);
        assertThat(writes.get(0).get("delete")).hasSize(1);
        assertThat(writes.get(0).get("delete").get(0).get("pk").asText()).isEqualTo("GRP#" + SeedUsers.DEFAULT.get(1).uuid());
        assertThat(run("ddb", "check", "--json").code()).isEqualTo(3);

        Result repaired = run("ddb", "repair", "--json");
        assertThat(repaired.code()).isZero();
        assertThat(repaired.json().get("writes")).hasSize(1);
        assertThat(run("ddb", "check", "--json").code()).isZero();
        assertThat(run("ddb", "repair", "--json").json().get("writes")).isEmpty();
    }

    @Test
    void usageErrorsExitTwoAndReadOnlyRefusesRepair() throws Exception {
        damage();
        assertThat(run("ddb", "check", "--max-rcu", "0").code()).isEqualTo(2);
        assertThat(run("ddb", "check", "--max-rcu", "lots").code()).isEqualTo(2);
        Result badKind = run("ddb", "repair", "--kinds", "bad_key");
        assertThat(badKind.code()).isEqualTo(2);
        assertThat(badKind.err()).contains("Repair does not fix 'bad_key'");
        assertThat(run("ddb", "repair", "--kinds", "nonsense").code()).isEqualTo(2);
        assertThat(run("ddb", "check", "--max-rcu", "50", "--json").code()).isEqualTo(3);

        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), """
                {"profiles": [{"name": "staging", "kind": "endpoint", "endpoint": "%s", "table": "%s", "read_only": true}]}
                """.formatted(LocalDynamoDb.endpoint(), table));
        Result refused = runRaw("--profile", "staging", "ddb", "repair");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("error: Profile 'staging' is read-only: repair refused (unlock writes first: --allow-writes)");
        assertThat(runRaw("--profile", "staging", "ddb", "check").code()).isEqualTo(3);
        assertThat(runRaw("--profile", "staging", "ddb", "repair", "--dry-run").code()).isZero();
        assertThat(runRaw("--profile", "staging", "ddb", "check").code()).isEqualTo(3);
        assertThat(runRaw("--profile", "staging", "--allow-writes", "ddb", "repair").code()).isZero();
        assertThat(runRaw("--profile", "staging", "ddb", "check").code()).isZero();

        Result missingTable = runRaw("--endpoint", LocalDynamoDb.endpoint(), "--table", table + "-nope", "ddb", "check");
        assertThat(missingTable.code()).isEqualTo(1);
        assertThat(missingTable.err().strip()).startsWith("error: Table '" + table + "-nope' does not exist").doesNotContain("\n");
    }

    @Test
    void listConversationsShowsADuplicatedConversationOnce() throws Exception {
        String group = damage();
        for (String[] paging : List.of(new String[] {}, new String[] {"--all"}, new String[] {"--limit", "1"})) {
            List<String> args = new ArrayList<>(List.of("ddb", "list-conversations", "@tobi", "--json"));
            args.addAll(List.of(paging));
            JsonNode inbox = run(args.toArray(String[]::new)).json();
            assertThat(inbox).as("list-conversations %s", List.of(paging)).hasSize(1);
            assertThat(inbox.get(0).get("message_group_uuid").asText()).isEqualTo(group);
            assertThat(inbox.get(0).get("last_message").asText()).isEqualTo("two");
        }
    }

    private void put(java.util.Map<String, AttributeValue> item) {
        try (DynamoSession s = DynamoSession.open(ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable(table), dirs, false, x -> { })) {
            s.call(c -> c.putItem(p -> p.tableName(table).item(item)));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
