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
