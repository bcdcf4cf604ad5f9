package org.cruddur.console.service.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB Local's class-data archive is made by the first start and used by the next; a damaged one must never stop
 * the server from starting, and is made anew.
 */
class ClassDataArchiveTest {

    @Test
    void theFirstStartMakesTheArchiveAndATruncatedOneIsReplaced() throws IOException {
        Path data = LocalDynamoDb.dirs().dataDir();
        startAndStop(data);
        Path archive = onlyArchive(data);
        long size = Files.size(archive);
        assertThat(size).as("a dynamic archive of DynamoDB Local's classes").isGreaterThan(1_000_000);

        // cut in half: the JVM crashes (SIGBUS) as it maps such an archive
        archive.toFile().setWritable(true);
        try (var channel = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        startAndStop(data); // on JDK 17 the JVM crashes mapping it (SIGBUS): started again without it, it makes a new one
        if (archives(data).isEmpty()) {
            startAndStop(data); // a JVM that refuses the archive instead: deleted after the start, made by the next
        }
        assertThat(Files.size(onlyArchive(data))).as("made again in full").isGreaterThan(size / 2);
    }

    @Test
    void anArchiveTheJvmCannotMapIsDeletedAndTheServerStartsAnyway() throws IOException {
        Path data = LocalDynamoDb.dirs().dataDir();
        startAndStop(data);
        Path archive = onlyArchive(data);
        byte[] garbage = new byte[1_000_000];
        new Random(7).nextBytes(garbage);
        archive.toFile().setWritable(true);
        Files.write(archive, garbage);

        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(data, s -> { })) {
            assertThat(ServerRecord.answersAsDynamoDbLocal(local.port())).isTrue();
            assertThat(archive).as("an archive with a bad header is dropped").doesNotExist();
        }
        startAndStop(data);
        assertThat(Files.size(onlyArchive(data))).as("and made anew by the next start").isGreaterThan(1_000_000);
    }

    @Test
    void anotherRuntimesArchiveStaysWhileItIsUsedAndGoesAfterAWeekUnused() throws IOException {
        // the installed app (JDK 25 runtime) and java -jar from a checkout (JDK 17) on one data folder: each has its own
        // archive, and neither start may delete the other's while it is in use
        Path data = LocalDynamoDb.dirs().dataDir();
        Path folder = Files.createDirectories(data.resolve("dynamodb-local-launcher"));
        Path usedYesterday = Files.write(folder.resolve("dynamodb-local-0123456789abcdef.jsa"), new byte[] {1});
        Path unusedForEightDays = Files.write(folder.resolve("dynamodb-local-fedcba9876543210.jsa"), new byte[] {2});
        long day = 24 * 3600 * 1000L;
        Files.setLastModifiedTime(usedYesterday, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - day));
        Files.setLastModifiedTime(unusedForEightDays, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 8 * day));

        startAndStop(data); // makes this runtime's archive, and tidies the folder first

        assertThat(usedYesterday).as("another runtime's archive, used yesterday").exists();
        assertThat(unusedForEightDays).as("an archive no start used for a week").doesNotExist();
        assertThat(archives(data)).hasSize(2);
    }

    private static void startAndStop(Path data) {
        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(data, s -> { })) {
            assertThat(ServerRecord.answersAsDynamoDbLocal(local.port())).isTrue();
        }
    }

    private static Path onlyArchive(Path data) throws IOException {
        List<Path> archives = archives(data);
        assertThat(archives).hasSize(1);
        return archives.get(0);
    }

    private static List<Path> archives(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("dynamodb-local-launcher"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
