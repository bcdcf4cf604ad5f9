package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.users.CognitoLocalServer;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cognito list-users, users list and users show end to end: DynamoDB Local, cognito-local, JSON parsed. */
class UsersCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static AppDirectories dirs;
    static CognitoLocalServer cognito;
    static String pool;
    static String table;
    static String maraSub;

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + " / " + err, e);
            }
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConsoleCommand.run(dirs, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** --endpoint (DynamoDB Local), --table, --cognito-endpoint, --user-pool-id, then the command. */
    static Result cli(String... command) {
        List<String> args = new ArrayList<>(List.of("--endpoint", LocalDynamoDb.endpoint(), "--table", table,
                "--cognito-endpoint", cognito.endpoint().toString(), "--user-pool-id", pool));
        args.addAll(List.of(command));
        return run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void world() {
        dirs = new AppDirectories(tmp.resolve("config"), tmp.resolve("data"));
        cognito = CognitoLocalServer.get();
        pool = cognito.createPool();
        table = "cli-users-" + UUID.randomUUID();
        maraSub = cognito.createUser(pool, "mara", "preferred_username", "mara", "name", "Mara Quinlan", "email", "mara@example.com");
        cognito.createUser(pool, "tobi", "preferred_username", "Tobi", "name", "Tobias Okafor", "email", "tobi@example.com");
        cognito.createUser(pool, "sleepy", "preferred_username", "sleepy", "email", "sleepy@example.com");
        cognito.disableUser(pool, "sleepy");
        assertThat(cli("ddb", "schema-load").code()).isZero();
        // the built-in seed users: mara, tobi, lenam, ravi, ines
        assertThat(cli("ddb", "post", "--from", "@mara", "--to", "@tobi", "--text", "hi").code()).isZero();
        assertThat(cli("ddb", "post", "--from", "@lenam", "--to", "@mara", "--text", "hey").code()).isZero();
    }

    static JsonNode byHandle(JsonNode array, String handle) {
        for (JsonNode n : array) {
            if (handle.equals(n.path("handle").asText(null))) {
                return n;
            }
        }
        throw new AssertionError("no @" + handle + " in " + array);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.isObject() ? n.get("code").asText() : n.asText()));
        return values;
    }

    @Test
    void usersListJson() {
        Result r = cli("users", "list", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode all = r.json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(6); // five seed users + sleepy
        for (JsonNode n : all) {
            assertThat(n.has("user_uuid") && n.has("handle") && n.has("display_name") && n.has("email")
                    && n.has("cognito_sub") && n.get("sources").isArray() && n.get("problems").isArray()).as(n.toString()).isTrue();
        }
        JsonNode mara = byHandle(all, "mara");
        assertThat(mara.get("user_uuid").asText()).isEqualTo("5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71");
        assertThat(mara.get("cognito_sub").asText()).isEqualTo(maraSub);
        assertThat(texts(mara.get("sources"))).containsExactly("seed", "table", "cognito");
        assertThat(mara.get("problems")).isEmpty();
        assertThat(texts(byHandle(all, "tobi").get("problems"))).containsExactly("handle_case_differs");
        assertThat(texts(byHandle(all, "lenam").get("problems"))).containsExactly("not_in_cognito");
        assertThat(byHandle(all, "lenam").get("cognito_sub").isNull()).isTrue();
        JsonNode sleepy = byHandle(all, "sleepy");
        assertThat(sleepy.get("user_uuid").isNull()).isTrue();
        assertThat(sleepy.get("state").asText()).startsWith("disabled");
        assertThat(texts(sleepy.get("sources"))).containsExactly("cognito");
        assertThat(texts(sleepy.get("problems"))).containsExactlyInAnyOrder("missing_attribute", "never_messaged");
        assertThat(texts(byHandle(all, "ines").get("problems"))).isEmpty(); // seed only: neither table nor Cognito
    }

    @Test
    void usersShowByHandleEmailSubAndUuid() {
        for (String ref : List.of("@mara", "mara@ex", maraSub, "5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71", "MARA")) {
            Result r = cli("users", "show", ref, "--json");
            assertThat(r.code()).as(ref + ": " + r.err()).isZero();
            assertThat(r.json().get("handle").asText()).as(ref).isEqualTo("mara");
            assertThat(r.json().get("cognito_sub").asText()).as(ref).isEqualTo(maraSub);
        }
        Result text = cli("users", "show", "@tobi");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("handle_case_differs").contains("tobi@example.com");
    }

    @Test
    void usersShowUnknownIsOneLineExitOne() {
        Result r = cli("users", "show", "@nobody", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("error: No user '@nobody'").doesNotContain("\n");
    }

    @Test
    void cognitoListUsersWithFilters() {
        Result all = cli("cognito", "list-users", "--json");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.json()).hasSize(3);
        Result prefix = cli("cognito", "list-users", "--filter", "email ^= \"to\"", "--json");
        assertThat(prefix.json()).singleElement().satisfies(n -> {
            assertThat(n.get("username").asText()).isEqualTo("tobi");
            assertThat(n.get("preferred_username").asText()).isEqualTo("Tobi");
            assertThat(n.get("enabled").asBoolean()).isTrue();
        });
        Result disabled = cli("cognito", "list-users", "--filter", "enabled = false", "--json");
        assertThat(disabled.json()).singleElement().satisfies(n -> {
            assertThat(n.get("username").asText()).isEqualTo("sleepy");
            assertThat(n.get("name").isNull()).isTrue();
        });
        Result text = cli("cognito", "list-users", "--filter", "preferred_username = \"mara\"");
        assertThat(text.out()).contains("mara").contains(maraSub).doesNotContain("tobi");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli("cognito", "list-users", "--filter", "email ~ x").code()).isEqualTo(2);
        assertThat(cli("users", "show").code()).isEqualTo(2);
        assertThat(cli("users", "list", "--bogus").code()).isEqualTo(2);
    }

    @Test
    void cognitoDownOrMissing() {
        String down = "http://127.0.0.1:" + CognitoLocalServer.freePort();
        Result list = run("--endpoint", LocalDynamoDb.endpoint(), "--table", table,
                "--cognito-endpoint", down, "--user-pool-id", pool, "users", "list", "--json");
        assertThat(list.code()).isZero();
        assertThat(list.json()).hasSize(5);
        assertThat(list.err().strip()).startsWith("note: Cannot reach Cognito at " + down).doesNotContain("\n");
        assertThat(texts(byHandle(list.json(), "lenam").get("problems"))).isEmpty();

        Result cognitoList = run("--cognito-endpoint", down, "--user-pool-id", pool, "cognito", "list-users");
        assertThat(cognitoList.code()).isEqualTo(1);
        assertThat(cognitoList.err().strip()).isEqualTo("error: Cannot reach Cognito at " + down + " (connection refused)");

        Result notConfigured = run("--endpoint", LocalDynamoDb.endpoint(), "--table", table, "users", "list");
        assertThat(notConfigured.code()).isZero();
        assertThat(notConfigured.out()).contains("@mara");
        assertThat(notConfigured.err()).contains("note: Cognito is not configured");

        Result noPool = run("cognito", "list-users");
        assertThat(noPool.code()).isEqualTo(1);
        assertThat(noPool.err()).startsWith("error: Cognito is not configured");

        Result unknownPool = run("--cognito-endpoint", cognito.endpoint().toString(), "--user-pool-id", "local_missing",
                "cognito", "list-users");
        assertThat(unknownPool.code()).isEqualTo(1);
        assertThat(unknownPool.err().strip()).isEqualTo("error: User pool 'local_missing' does not exist at " + cognito.endpoint());
    }
}
