package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.cruddur.console.ui.preferences.ConsolePreferences;
import org.cruddur.console.ui.preferences.PreferencesFile;
import org.junit.jupiter.api.Test;

/**
 * The desktop console spawns DynamoDB Local before the JavaFX toolkit starts, from the same profile choice as
 * {@code init()}: the embedded profile gets its server early, another profile none.
 */
class PrestartBeforeTheToolkitTest {

    @Test
    void theEmbeddedProfileGetsItsServerBeforeTheToolkit() throws Exception {
        AppDirectories dirs = LocalDynamoDb.dirs();
        assertThat(ConsoleApp.prestartBeforeTheToolkit(dirs)).isTrue();
        List<ProcessHandle> early = waitForChildren(dirs, 1);
        assertThat(early).as("one DynamoDB Local spawned for the folder, without any window").hasSize(1);
        try (MessagesTable table = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs, false, s -> { })) {
            assertThat(children(dirs)).as("the session uses that very server").extracting(ProcessHandle::pid)
                    .containsExactly(early.get(0).pid());
        }
    }

    @Test
    void anotherLastProfileStartsNothing() throws Exception {
        AppDirectories dirs = LocalDynamoDb.dirs();
        new PreferencesFile(dirs.preferencesFile()).save(new ConsolePreferences(null, null, ConnectionProfile.LOCAL.name(), null));
        assertThat(ConsoleApp.prestartBeforeTheToolkit(dirs)).isFalse();
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(children(dirs)).isEmpty();
    }

    private static List<ProcessHandle> waitForChildren(AppDirectories dirs, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<ProcessHandle> found = children(dirs);
        while (found.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            found = children(dirs);
        }
        return found;
    }

    private static List<ProcessHandle> children(AppDirectories dirs) {
        String dbPath = dirs.embeddedDatabaseDir().toAbsolutePath().toString();
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(dbPath)).orElse(false))
                .toList();
    }
}
