package org.cruddur.console.service.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 8: the directory is read on a worker while the console goes on; a refresh() or remember() made
 * while a read is in flight must not be undone by that read's (older) answer. The read is held, mid-flight, right
 * after its table scan answered, through the session's real operation log.
 */
class UserDirectoryRefreshTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser LENA = SeedUsers.DEFAULT.get(2);
    static final ChatUser RAVI = SeedUsers.DEFAULT.get(3);

    /** Runs {@code during} while a directory read has scanned the table but not yet kept its answer. */
    private static void whileAReadIsInFlight(UserDirectory directory, MessagesTable table, Runnable during) throws Exception {
        CountDownLatch scanned = new CountDownLatch(1);
        CountDownLatch carryOn = new CountDownLatch(1);
        Thread[] reader = new Thread[1];
        table.session().log().addListener(entry -> {
            if (Thread.currentThread() == reader[0] && entry.operation().equals("Scan") && scanned.getCount() > 0) {
                scanned.countDown();
                try {
                    carryOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<Void> read = new CompletableFuture<>();
        reader[0] = new Thread(() -> {
            try {
                directory.directory();
                read.complete(null);
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "directory-reader");
        reader[0].start();
        assertThat(scanned.await(30, TimeUnit.SECONDS)).as("the read reached its scan").isTrue();
        during.run();
        carryOn.countDown();
        read.get(30, TimeUnit.SECONDS);
    }

    private static MessagesTable seeded(String prefix) {
        MessagesTable table = LocalDynamoDb.freshTable(prefix);
        table.seeder().seed(new SeedPlan(List.of(MARA, SeedUsers.DEFAULT.get(1)), 1, 2), (d, n) -> { }, () -> false);
        return table;
    }

    @Test
    void aRefreshDuringAnInFlightReadIsNotUndoneByIt() throws Exception {
        try (MessagesTable table = seeded("dir-refresh")) {
            UserDirectory directory = new UserDirectory(table.session(), List.of(MARA));
            whileAReadIsInFlight(directory, table, () -> {
                // another client writes (the log's listeners run under its lock, which the held read keeps)
                try (MessagesTable elsewhere = new MessagesTable(
                        DynamoSession.open(table.session().profile(), LocalDynamoDb.dirs(), false, s -> { }), SeedUsers.DEFAULT)) {
                    elsewhere.post().toUser(LENA.uuid(), RAVI.uuid(), "a new pair talks"); // the table now names Lena and Ravi
                }
                directory.refresh();
            });
            assertThat(directory.directory().entries()).extracting(DirectoryEntry::userUuid).contains(LENA.uuid(), RAVI.uuid());
            assertThat(directory.all()).extracting(ChatUser::uuid).contains(LENA.uuid(), RAVI.uuid());
        }
    }

    @Test
    void aPersonRememberedDuringAnInFlightReadStaysKnown() throws Exception {
        try (MessagesTable table = seeded("dir-remember")) {
            UserDirectory directory = new UserDirectory(table.session(), List.of(MARA));
            ChatUser newcomer = new ChatUser("77777777-8888-4999-8aaa-bbbbbbbbbbbb", "newcomer", "New Comer");
            whileAReadIsInFlight(directory, table, () -> directory.remember(newcomer));
            assertThat(directory.find("@newcomer")).contains(newcomer);
            assertThat(directory.directory().entries()).extracting(DirectoryEntry::userUuid).contains(newcomer.uuid());
        }
    }
}
