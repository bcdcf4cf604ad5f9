package org.cruddur.console.service.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.testing.DynamoDbLocalProcesses;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB Local never outlives the process that started it, and one data folder gets one server. The owner is a
 * real second JVM ({@link ServerOwnerProgram}), killed with SIGKILL as a crash or a lost display would.
 */
class ServerLifetimeTest {

    private Process owner;

    @AfterEach
    void killOwner() {
        if (owner != null) {
            owner.destroyForcibly();
        }
    }

    /** The usual case: the server runs on the class-data archive an earlier start made. */
    @Test
    void theServerDiesWithinTwoSecondsOfItsOwnersSigkill() throws Exception {
        Path data = LocalDynamoDb.dirs().dataDir();
        EmbeddedDynamoDbLocal.start(data, s -> { }).close(); // makes the archive
        assertServerDiesWithItsOwner(data);
    }

    /** A first start asks its JVM to write the archive at exit (1-2 s): a dead owner does not wait for that. */
    @Test
    void aFirstStartsServerDiesWithinTwoSecondsOfItsOwnersSigkillToo() throws Exception {
        assertServerDiesWithItsOwner(LocalDynamoDb.dirs().dataDir());
    }

    private void assertServerDiesWithItsOwner(Path data) throws Exception {
        String[] ready = startOwner(data);
        ProcessHandle server = ProcessHandle.of(Long.parseLong(ready[1])).orElseThrow();
        assertThat(ServerRecord.answersAsDynamoDbLocal(Integer.parseInt(ready[2]))).isTrue();

        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
        long killed = System.nanoTime();
        long deadline = killed + TimeUnit.SECONDS.toNanos(2);
        while (!DynamoDbLocalProcesses.exited(server) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf("DynamoDB Local exited %d ms after its owner's SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);
        assertThat(DynamoDbLocalProcesses.exited(server)).as("DynamoDB Local (pid %d) gone within 2 s of its owner's SIGKILL", server.pid()).isTrue();
    }

    @Test
    void aSecondClientOnTheFolderUsesTheRunningServerAndAStaleNoteIsReplaced() throws Exception {
        Path data = LocalDynamoDb.dirs().dataDir();
        String[] ready = startOwner(data);
        long serverPid = Long.parseLong(ready[1]);
        assertThat(ready[3]).as("the first client owns the server").isEqualTo("true");

        try (EmbeddedDynamoDbLocal second = EmbeddedDynamoDbLocal.start(data, s -> { })) {
            assertThat(second.owned()).as("the second client borrows").isFalse();
            assertThat(second.pid()).isEqualTo(serverPid);
            assertThat(second.port()).isEqualTo(Integer.parseInt(ready[2]));
            assertThat(DynamoDbLocalProcesses.on(data)).as("one server process for the folder").hasSize(1);
        }
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).as("a borrower's close leaves the server running")
                .isEqualTo(Optional.of(true));

        owner.destroyForcibly();
        ProcessHandle.of(serverPid).ifPresent(p -> p.onExit().join());
        assertThat(ServerRecord.read(data)).as("a SIGKILLed owner leaves its note behind").isPresent();

        try (EmbeddedDynamoDbLocal next = EmbeddedDynamoDbLocal.start(data, s -> { })) {
            assertThat(next.owned()).as("the next client starts a fresh server").isTrue();
            assertThat(next.pid()).isNotEqualTo(serverPid);
            assertThat(ServerRecord.read(data)).map(ServerRecord::pid).contains(next.pid());
            assertThat(ServerRecord.answersAsDynamoDbLocal(next.port())).isTrue();
        }
        assertThat(ServerRecord.read(data)).as("the owner's close removes its note").isEmpty();
    }

    @Test
    void usesInOneProcessShareOneServerThatStopsWithTheLast() {
        Path data = LocalDynamoDb.dirs().dataDir();
        EmbeddedDynamoDbLocal first = EmbeddedDynamoDbLocal.start(data, s -> { });
        EmbeddedDynamoDbLocal second = EmbeddedDynamoDbLocal.start(data, s -> { });
        assertThat(second.pid()).isEqualTo(first.pid());
        assertThat(first.owned()).isTrue();
        first.close();
        assertThat(second.isAlive()).as("still in use by the second").isTrue();
        assertThat(ServerRecord.answersAsDynamoDbLocal(second.port())).isTrue();
        second.close();
        assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    private String[] startOwner(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + EmbeddedDynamoDbLocal.DIR_PROPERTY + "=" + System.getProperty(EmbeddedDynamoDbLocal.DIR_PROPERTY),
                ServerOwnerProgram.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the owner program's first line").startsWith("ready ");
        return line.split(" ");
    }

}
