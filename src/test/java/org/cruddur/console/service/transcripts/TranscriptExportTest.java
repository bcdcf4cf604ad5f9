package org.cruddur.console.service.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel and failure leave no file; an existing file is replaced only by a complete export; progress is reported. */
class TranscriptExportTest {

    static MessagesTable table;
    static MixedTimesConversation conversation;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        table = LocalDynamoDb.freshTable("export");
        conversation = MixedTimesConversation.write(table, 120);
    }

    @AfterAll
    static void close() {
        table.close();
    }

    @Test
    void aCancelledExportLeavesTheOldFileAndNoPartialOne() throws Exception {
        Path file = tmp.resolve("c.txt");
        Files.writeString(file, "the previous export");
        TranscriptExport export = new TranscriptExport(table.session(), table.inbox(), 10);
        AtomicLong pages = new AtomicLong();
        // cancelled once a few pages are written: part of the transcript is in the temporary file by then
        assertThatThrownBy(() -> export.toFile(conversation.group, TranscriptFormat.TXT, ZoneOffset.UTC, file, p -> { },
                () -> pages.incrementAndGet() > 4))
                .isInstanceOf(ConsoleException.class).extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.CANCELLED);
        assertThat(Files.readString(file)).isEqualTo("the previous export");
        assertThat(tmp.toFile().list()).containsExactly("c.txt");

        List<ExportProgress> seen = new ArrayList<>();
        long n = export.toFile(conversation.group, TranscriptFormat.TXT, ZoneOffset.UTC, file, seen::add, () -> false);
        assertThat(n).isEqualTo(120);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new ExportProgress(120, 1, 1));
        assertThat(Files.readString(file)).contains("Conversation " + conversation.group);
        assertThat(tmp.toFile().list()).containsExactly("c.txt");
    }

    @Test
    void aCancelledFolderExportLeavesNothing() {
        Path dir = tmp.resolve("out");
        TranscriptExport export = new TranscriptExport(table.session(), table.inbox(), 10);
        AtomicLong pages = new AtomicLong();
        assertThatThrownBy(() -> export.toFolder(MixedTimesConversation.MARA.uuid(), TranscriptFormat.JSON, ZoneOffset.UTC, dir,
                p -> { }, () -> pages.incrementAndGet() > 3)).isInstanceOf(ConsoleException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aMissingFolderIsOneLineAndNothingIsWritten() {
        Path file = tmp.resolve("nope/c.csv");
        assertThatThrownBy(() -> table.transcripts().toFile(conversation.group, TranscriptFormat.CSV, ZoneOffset.UTC, file, p -> { }, () -> false))
                .isInstanceOf(ConsoleException.class).hasMessageStartingWith("No such folder");
        assertThat(tmp.toFile().list()).isEmpty();
    }
}
