package org.cruddur.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void builtInsWithoutAFile() {
        ProfileStore store = ProfileStore.load(dir.resolve("profiles.json"));
        assertThat(store.all()).extracting(ConnectionProfile::name).containsExactly("embedded", "local", "prod");
        assertThat(store.problems()).isEmpty();
        assertThat(store.require("prod").writesLockedByDefault()).isTrue();
        assertThat(store.require("local").endpoint()).isEqualTo("http://localhost:8000");
    }

    @Test
    void roundTripsUserProfilesInReadableJson() throws Exception {
        Path file = dir.resolve("profiles.json");
        ProfileStore store = ProfileStore.load(file);
        store.put(new ConnectionProfile("staging", ConnectionProfile.Kind.AWS, null, "eu-west-1", "staging-sso", "msgs", "eu-west-1_abc", null, true));
        assertThat(Files.readString(file)).contains("\"aws_profile\" : \"staging-sso\"").contains("\"kind\" : \"aws\"");
        ConnectionProfile read = ProfileStore.load(file).require("staging");
        assertThat(read.region()).isEqualTo("eu-west-1");
        assertThat(read.tableName()).isEqualTo("msgs");
        assertThat(read.readOnly()).isTrue();
        assertThatThrownBy(() -> store.put(new ConnectionProfile("prod", ConnectionProfile.Kind.AWS, null, null, null, null, null, null, false)))
                .hasMessageContaining("built-in");
        assertThatThrownBy(() -> store.put(new ConnectionProfile("x", ConnectionProfile.Kind.ENDPOINT, "ftp://nope", null, null, null, null, null, false)))
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void aBrokenEntryIsReportedAndKeptWhileTheOthersLoad() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, """
                {"profiles": [
                  {"name": "good", "kind": "endpoint", "endpoint": "http://localhost:8001"},
                  {"name": "bad", "kind": "endpoint", "endpoint": "not a url"},
                  {"name": "worse", "kind": "teleport"}
                ]}""");
        ProfileStore store = ProfileStore.load(file);
        assertThat(store.userProfiles()).extracting(ConnectionProfile::name).containsExactly("good");
        assertThat(store.problems()).hasSize(2);
        assertThat(store.problems().get(0)).startsWith(file + ": profile #2 'bad': endpoint 'not a url'");
        assertThat(store.problems().get(1)).startsWith(file + ": profile #3 'worse': ").contains("teleport");

        store.put(new ConnectionProfile("new", ConnectionProfile.Kind.ENDPOINT, "http://localhost:9000", null, null, null, null, null, false));
        String saved = Files.readString(file);
        assertThat(saved).contains("\"good\"", "\"new\"", "\"bad\"", "not a url", "teleport");
    }

    @Test
    void aFileThatIsNotJsonIsReportedAndBackedUpBeforeAnySave() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, "{\"profiles\": [ {\"name\": \"half\", ");
        ProfileStore store = ProfileStore.load(file);
        assertThat(store.problems()).singleElement().asString().startsWith(file + ": not valid JSON at line 1");
        assertThat(store.all()).hasSize(3);
        store.put(new ConnectionProfile("fresh", ConnectionProfile.Kind.ENDPOINT, "http://localhost:9000", null, null, null, null, null, false));
        try (var files = Files.list(dir)) {
            Path backup = files.filter(p -> p.getFileName().toString().startsWith("profiles.json.unreadable-")).findFirst().orElseThrow();
            assertThat(Files.readString(backup)).contains("\"half\"");
        }
        assertThat(ProfileStore.load(file).require("fresh")).isNotNull();
    }

    @Test
    void homeVariableMovesConfigAndData() {
        AppDirectories moved = AppDirectories.resolve(Map.of("CRUDDUR_CONSOLE_HOME", "/tmp/cc"), "Linux", Path.of("/home/u"));
        assertThat(moved.configDir()).isEqualTo(Path.of("/tmp/cc/config"));
        assertThat(moved.dataDir()).isEqualTo(Path.of("/tmp/cc/data"));
        AppDirectories linux = AppDirectories.resolve(Map.of(), "Linux", Path.of("/home/u"));
        assertThat(linux.profilesFile()).isEqualTo(Path.of("/home/u/.config/cruddur-console/profiles.json"));
        assertThat(linux.dataDir()).isEqualTo(Path.of("/home/u/.local/share/cruddur-console"));
        assertThat(AppDirectories.resolve(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", Path.of("C:/Users/u")).configDir())
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming/Cruddur Console"));
        assertThat(AppDirectories.resolve(Map.of(), "Mac OS X", Path.of("/Users/u")).dataDir())
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Cruddur Console"));
    }

    /** Issue 9, defect 2: saves from two threads at once keep every profile, and the file stays whole. */
    @Test
    void concurrentSavesKeepEveryProfile() throws Exception {
        Path file = dir.resolve("profiles.json");
        ProfileStore store = ProfileStore.load(file);
        int perThread = 25;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (String prefix : java.util.List.of("a", "b")) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.put(new ConnectionProfile(prefix + i, ConnectionProfile.Kind.ENDPOINT, "http://localhost:" + (9000 + i),
                                null, null, null, null, null, false));
                        store.all(); // the FX thread reads while a worker saves
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ProfileStore.load(file).userProfiles()).hasSize(2 * perThread);
        assertThat(store.userProfiles()).hasSize(2 * perThread);
    }

    /** Issue 9, defect 1: a profile keeps the fields the console does not show (and ones it does not know) when saved again. */
    @Test
    void savingAProfileAgainKeepsItsCognitoEndpointAndUnknownFields() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, """
                {"profiles": [{"name": "dev", "kind": "endpoint", "endpoint": "http://localhost:8000",
                  "cognito_endpoint": "http://localhost:9229", "user_pool_id": "local_abc", "team_note": {"owner": "ops"}},
                  {"name": "other", "kind": "endpoint", "endpoint": "http://localhost:8001", "colour": "teal"}]}
                """);
        ProfileStore store = ProfileStore.load(file);
        store.put(store.require("dev").withRegion("eu-west-1"));
        String saved = Files.readString(file);
        assertThat(saved).contains("\"team_note\"").contains("\"owner\" : \"ops\"").contains("\"colour\" : \"teal\"");
        ConnectionProfile dev = ProfileStore.load(file).require("dev");
        assertThat(dev.cognitoEndpoint()).isEqualTo("http://localhost:9229");
        assertThat(dev.region()).isEqualTo("eu-west-1");
    }
}
