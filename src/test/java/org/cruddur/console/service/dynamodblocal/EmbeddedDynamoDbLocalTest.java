package org.cruddur.console.service.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/** The embedded profile: DynamoDB Local as a child process from target/dynamodb-local, data kept across restarts. */
class EmbeddedDynamoDbLocalTest {

    @Test
    void startsAChildProcessAndKeepsDataAcrossRestarts() {
        AppDirectories dirs = LocalDynamoDb.dirs();
        assertThat(EmbeddedDynamoDbLocal.locate(dirs.dataDir())).as("mvn puts DynamoDB Local in target/dynamodb-local").isPresent();
        List<String> status = new ArrayList<>();
        String group;
        try (MessagesTable table = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, status::add)) {
            assertThat(table.session().endpoint()).startsWith("http://127.0.0.1:");
            assertThat(table.session().describeTarget()).startsWith("embedded DynamoDB Local");
            table.schema().load();
            group = table.post().toUser("@mara", "@tobi", "survives a restart").messageGroupUuid();
        }
        assertThat(status).anyMatch(s -> s.startsWith("Starting DynamoDB Local"));
        try (MessagesTable again = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, s -> { })) {
            assertThat(again.conversations().newest(group).rows()).extracting(MessageRow::message).containsExactly("survives a restart");
        }
    }

    /** The desktop console starts the server before its window is built: the session then uses that very process, not a second one. */
    @Test
    void aPrestartedServerIsTakenOverByTheFirstStartForItsFolder() {
        AppDirectories dirs = LocalDynamoDb.dirs();
        EmbeddedDynamoDbLocal.prestart(dirs.dataDir());
        List<ProcessHandle> early = dynamoDbLocalChildrenFor(dirs);
        assertThat(early).as("prestart spawns one child at once, without waiting for it").hasSize(1);

        try (MessagesTable table = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, s -> { })) {
            table.schema().load();
            assertThat(table.schema().listTables()).contains(table.session().tableName());
            assertThat(dynamoDbLocalChildrenFor(dirs)).extracting(ProcessHandle::pid).containsExactly(early.get(0).pid());
            EmbeddedDynamoDbLocal.prestart(dirs.dataDir());
            assertThat(dynamoDbLocalChildrenFor(dirs)).as("no second server once the folder's server is in use").hasSize(1);
        }
        assertThat(early.get(0).isAlive()).as("closing the session stops the prestarted server").isFalse();
    }

    /**
     * The race between the console's prestart (its own thread, before the toolkit) and the connect job's start for the
     * same folder, run for real: the start comes while the prestart may be spawning. Either way one server is spawned
     * and the session uses it; before, the prestart's server was stopped as "too late" and a second one spawned.
     */
    @Test
    void aStartDuringThePrestartTakesItsServerRatherThanSpawningASecond() throws Exception {
        for (int round = 0; round < 5; round++) {
            AppDirectories dirs = LocalDynamoDb.dirs();
            java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    dynamoDbLocalChildrenFor(dirs).forEach(p -> seen.add(p.pid()));
                    Thread.onSpinWait();
                }
            });
            watcher.start();
            Thread prestart = new Thread(() -> EmbeddedDynamoDbLocal.prestart(dirs.dataDir()));
            prestart.start();
            try (MessagesTable table = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, s -> { })) {
                assertThat(table.schema().listTables()).isEmpty();
                prestart.join();
                List<ProcessHandle> now = dynamoDbLocalChildrenFor(dirs);
                watching.set(false);
                watcher.join();
                assertThat(now).as("round %d: one server for the folder", round).hasSize(1);
                assertThat(seen).as("round %d: servers ever spawned for the folder", round).containsExactly(now.get(0).pid());
            } finally {
                watching.set(false);
            }
        }
    }

    /**
     * DynamoDB Local opens its database lazily, on the first request (0.5 s on a 100,000-message database); the
     * launcher has it opened while the server starts. Seen from outside: the shared database file appears although
     * nobody has asked the server anything.
     */
    @Test
    void theLauncherOpensTheDatabaseBeforeTheFirstRequest() throws Exception {
        AppDirectories dirs = LocalDynamoDb.dirs();
        Path database = dirs.embeddedDatabaseDir().resolve("shared-local-instance.db");
        assertThat(database).doesNotExist();
        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(dirs.dataDir(), s -> { })) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(database) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(database).as("opened by the launcher, without any request").exists();
            assertThat(Files.readString(dirs.dataDir().resolve("dynamodb-local.log")))
                    .doesNotContain("the database opens on the first request");
        }
    }

    private static List<ProcessHandle> dynamoDbLocalChildrenFor(AppDirectories dirs) {
        String dbPath = dirs.dataDir().resolve("dynamodb-local-data").toAbsolutePath().toString();
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(dbPath)).orElse(false))
                .toList();
    }
}
