package org.cruddur.console.service.users;

import org.cruddur.console.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.seeding.SeedUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cognito-local always answers ListUsers in one page, so this serves real paged ListUsers responses (the AWS JSON 1.1
 * protocol, PaginationToken and all) from a loopback HTTP server to the real SDK client, and records what it was asked.
 */
class CognitoPaginationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("(\\S+) (\\^?=) \"(.*)\"");

    HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> pool = new ArrayList<>();
    int pageSize;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void addUsers(int count) {
        for (int i = 0; i < count; i++) {
            pool.add(Map.of("Username", String.format("user%04d", i), "sub", UUID.randomUUID().toString(),
                    "preferred_username", String.format("user%04d", i), "email", String.format("user%04d@example.com", i)));
        }
    }

    /** ListUsers, paged: the token is the index of the first user of the next page. */
    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        byte[] body;
        int status = 200;
        if (!"AWSCognitoIdentityProviderService.ListUsers".equals(target)) {
            status = 400;
            body = "{\"__type\":\"InvalidParameterException\",\"message\":\"unexpected target\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            List<Map<String, String>> selected = pool;
            if (request.hasNonNull("Filter")) {
                Matcher m = FILTER.matcher(request.get("Filter").asText());
                assertThat(m.matches()).as("filter %s", request.get("Filter")).isTrue();
                selected = pool.stream().filter(u -> u.get(m.group(1)) != null && (m.group(2).equals("=")
                        ? u.get(m.group(1)).equals(m.group(3)) : u.get(m.group(1)).startsWith(m.group(3)))).toList();
            }
            int limit = Math.min(pageSize, request.path("Limit").asInt(60));
            int from = request.hasNonNull("PaginationToken") ? Integer.parseInt(request.get("PaginationToken").asText()) : 0;
            int to = Math.min(selected.size(), from + limit);
            ObjectNode response = JSON.createObjectNode();
            ArrayNode users = response.putArray("Users");
            for (Map<String, String> u : selected.subList(from, to)) {
                ObjectNode user = users.addObject();
                user.put("Username", u.get("Username"));
                user.put("Enabled", true);
                user.put("UserStatus", "CONFIRMED");
                user.put("UserCreateDate", 1.7e9);
                ArrayNode attributes = user.putArray("Attributes");
                u.forEach((name, value) -> {
                    if (!name.equals("Username")) {
                        attributes.addObject().put("Name", name).put("Value", value);
                    }
                });
            }
            if (to < selected.size()) {
                response.put("PaginationToken", Integer.toString(to));
            }
            body = JSON.writeValueAsBytes(response);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private CognitoUserSource source() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return CognitoUserSource.forProfile(ConnectionProfile.forEndpoint("http://127.0.0.1:1")
                .withCognito(endpoint, "us-east-1_paged")).orElseThrow();
    }

    @Test
    void followsThePaginationTokenToTheEnd() {
        addUsers(137);
        pageSize = 25;
        List<CognitoUser> users;
        try (CognitoUserSource source = source()) {
            users = source.list();
        }
        assertThat(users).hasSize(137);
        assertThat(users.stream().map(CognitoUser::username).toList())
                .isEqualTo(pool.stream().map(u -> u.get("Username")).toList());
        Set<String> subs = new HashSet<>(users.stream().map(CognitoUser::sub).toList());
        assertThat(subs).hasSize(137);
        // six pages of at most 25: the first without a token, each next one with the token the previous page gave
        assertThat(requests).hasSize(6);
        assertThat(requests.get(0).has("PaginationToken")).isFalse();
        for (int i = 1; i < requests.size(); i++) {
            assertThat(requests.get(i).get("PaginationToken").asText()).isEqualTo(Integer.toString(i * 25));
        }
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.get("UserPoolId").asText()).isEqualTo("us-east-1_paged");
            assertThat(r.get("Limit").asInt()).isEqualTo(60);
        });
    }

    @Test
    void filteredListsArePagedToo() {
        addUsers(200);
        pageSize = 7;
        List<CognitoUser> users;
        try (CognitoUserSource source = source()) {
            users = source.list(CognitoFilter.startsWith("email", "user01"));
        }
        assertThat(users.stream().map(CognitoUser::username).toList())
                .isEqualTo(java.util.stream.IntStream.range(100, 200).mapToObj(i -> String.format("user%04d", i)).toList());
        assertThat(requests).hasSize(15);
        assertThat(requests).allSatisfy(r -> assertThat(r.get("Filter").asText()).isEqualTo("email ^= \"user01\""));
    }

    @Test
    void theDirectoryLooksPeopleUpWithCognitoFiltersNotAFullList(@TempDir Path tmp) {
        addUsers(300);
        pool.add(Map.of("Username", "mara", "sub", UUID.randomUUID().toString(), "preferred_username", "mara",
                "email", "mara@example.com"));
        pageSize = 60;
        AppDirectories dirs = new AppDirectories(tmp.resolve("config"), tmp.resolve("data"));
        ConnectionProfile profile = ConnectionProfile.forEndpoint(LocalDynamoDb.endpoint()).withTable("no-such-table-" + UUID.randomUUID());
        try (DynamoSession session = DynamoSession.open(profile, dirs, false, s -> { });
             CognitoUserSource source = source()) {
            UserDirectory directory = new UserDirectory(session, SeedUsers.DEFAULT, source);
            var found = directory.lookup("mara@exa");
            assertThat(found.entries()).singleElement().satisfies(e -> {
                assertThat(e.handle()).isEqualTo("mara");
                assertThat(e.sources()).containsExactlyInAnyOrder(DirectorySource.SEED, DirectorySource.COGNITO);
            });
            assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.hasNonNull("Filter")).isTrue());
            assertThat(requests.stream().map(r -> r.get("Filter").asText()).toList())
                    .contains("email ^= \"mara@exa\"", "preferred_username = \"mara\"");

            requests.clear();
            var sub = directory.lookup(pool.get(42).get("sub"));
            assertThat(sub.entries()).singleElement().satisfies(e -> assertThat(e.cognitoUsername()).isEqualTo("user0042"));
            assertThat(requests).singleElement().satisfies(r ->
                    assertThat(r.get("Filter").asText()).isEqualTo("sub = \"" + pool.get(42).get("sub") + "\""));

            // the whole directory: every page, 301 Cognito users plus the five seed people
            requests.clear();
            var all = directory.directory();
            assertThat(requests).hasSize(6);
            assertThat(all.entries()).hasSize(301 + 4);
            assertThat(all.notes()).isEmpty();
        }
    }
}
