package org.cruddur.console.service.transcripts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.InboxQuery;
import org.cruddur.console.service.session.DynamoSession;

/**
 * Transcripts of conversations, oldest first, streamed: messages go from each Query page to the output and are not
 * kept, so memory does not grow with the conversation (see {@link ConversationTimeline} for the small re-ordering
 * heap). Files are written under a temporary name in the target folder and moved into place only when complete: a
 * failed or cancelled export leaves nothing behind.
 */
public final class TranscriptExport {

    /** What a folder export wrote: one entry per conversation, in the index's order. */
    public record FolderResult(Path folder, Path index, List<Entry> conversations, long messages) {
    }

    /** One conversation of a folder export; {@code file} null when it had no messages to write. */
    public record Entry(MessageGroupRow conversation, String file, long messages) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final DynamoSession session;
    private final ConversationTimeline timeline;
    private final InboxQuery inbox;

    public TranscriptExport(DynamoSession session, InboxQuery inbox) {
        this(session, inbox, 1_000);
    }

    /** @param queryPage items per Query call (small ones let a test cross many page edges) */
    public TranscriptExport(DynamoSession session, InboxQuery inbox, int queryPage) {
        this.session = session;
        this.timeline = new ConversationTimeline(session, queryPage);
        this.inbox = inbox;
    }

    /** Writes one conversation to {@code out} (left open); refuses an unknown conversation before writing anything. */
    public long write(String groupUuid, TranscriptFormat format, ZoneId zone, Writer out,
                      Consumer<ExportProgress> progress, BooleanSupplier cancelled) {
        requireMessages(groupUuid);
        try {
            return transcript(groupUuid, format, zone, out, 0, 0, 1, progress, cancelled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one conversation to {@code file}, replacing it only once the whole transcript is written. */
    public long toFile(String groupUuid, TranscriptFormat format, ZoneId zone, Path file,
                       Consumer<ExportProgress> progress, BooleanSupplier cancelled) {
        requireMessages(groupUuid);
        long[] written = {0};
        atomically(file, out -> written[0] = transcript(groupUuid, format, zone, out, 0, 0, 1, progress, cancelled));
        return written[0];
    }

    /**
     * All of a person's conversations (pattern B) into {@code folder}: {@code <other handle>_<group uuid>.<ext>} each
     * and {@code index.json}. Everything is written into a hidden folder inside it first and moved in at the end.
     */
    public FolderResult toFolder(String userUuid, TranscriptFormat format, ZoneId zone, Path folder,
                                 Consumer<ExportProgress> progress, BooleanSupplier cancelled) {
        List<MessageGroupRow> conversations = inbox.all(userUuid).rows();
        if (conversations.isEmpty()) {
            throw ConsoleException.notFound("No conversations for user '" + userUuid + "' in '" + session.tableName() + "'");
        }
        Path work = null;
        try {
            Files.createDirectories(folder);
            work = Files.createTempDirectory(folder, ".export-");
            List<Entry> entries = new ArrayList<>();
            long messages = 0;
            for (int i = 0; i < conversations.size(); i++) {
                MessageGroupRow g = conversations.get(i);
                String name = fileName(g, format);
                long n;
                try (Writer out = Files.newBufferedWriter(work.resolve(name), StandardCharsets.UTF_8)) {
                    n = transcript(g.messageGroupUuid(), format, zone, out, messages, i, conversations.size(), progress, cancelled);
                }
                if (n == 0) {
                    Files.delete(work.resolve(name));
                }
                messages += n;
                entries.add(new Entry(g, n == 0 ? null : name, n));
            }
            writeIndex(work.resolve("index.json"), userUuid, format, entries);
            try (Stream<Path> files = Files.list(work)) {
                for (Path f : files.toList()) {
                    move(f, folder.resolve(f.getFileName().toString()));
                }
            }
            Files.delete(work);
            work = null;
            return new FolderResult(folder, folder.resolve("index.json"), entries, messages);
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot write to " + folder + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private void requireMessages(String groupUuid) {
        if (!timeline.exists(groupUuid)) {
            throw ConsoleException.notFound("No messages in conversation '" + groupUuid + "' in '" + session.tableName() + "'");
        }
    }

    private long transcript(String groupUuid, TranscriptFormat format, ZoneId zone, Writer out, long before,
                            int done, int total, Consumer<ExportProgress> progress, BooleanSupplier cancelled) throws IOException {
        TranscriptWriter writer = TranscriptWriter.of(format, out);
        writer.begin(new TranscriptWriter.Header(groupUuid, Participants.of(session, groupUuid), Timestamps.format(Instant.now()), zone));
        long[] count = {0};
        try {
            timeline.walk(groupUuid, ConversationTimeline.Direction.OLDEST_FIRST, null, null, cancelled, m -> {
                try {
                    writer.message(m);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++count[0] % 1_000 == 0) {
                    progress.accept(new ExportProgress(before + count[0], done, total));
                }
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.end();
        out.flush();
        progress.accept(new ExportProgress(before + count[0], done + 1, total));
        return count[0];
    }

    interface Body {
        void write(Writer out) throws IOException;
    }

    /** Writes beside {@code file} under a temporary name, then moves it into place; removes the temporary on any failure. */
    static void atomically(Path file, Body body) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(target)) {
                throw ConsoleException.validation(file + " is a folder");
            }
            if (dir == null || !Files.isDirectory(dir)) {
                throw ConsoleException.validation("No such folder: " + dir);
            }
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure being reported matters more
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file name from the other person's handle (letters, digits, '-', '_' and '.' kept) and the group uuid. */
    static String fileName(MessageGroupRow g, TranscriptFormat format) {
        String handle = g.otherUserHandle() == null ? "unknown" : g.otherUserHandle().replaceAll("[^A-Za-z0-9._-]", "_");
        String group = g.messageGroupUuid() == null ? "unknown" : g.messageGroupUuid().replaceAll("[^A-Za-z0-9._-]", "_");
        return handle + "_" + group + "." + format.extension();
    }

    private static void writeIndex(Path file, String userUuid, TranscriptFormat format, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("user_uuid", userUuid);
            g.writeStringField("format", format.extension());
            g.writeStringField("exported_at", Timestamps.format(Instant.now()));
            g.writeArrayFieldStart("conversations");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("message_group_uuid", e.conversation().messageGroupUuid());
                g.writeStringField("other_user_uuid", e.conversation().otherUserUuid());
                g.writeStringField("other_user_handle", e.conversation().otherUserHandle());
                g.writeStringField("other_user_display_name", e.conversation().otherUserDisplayName());
                g.writeStringField("last_message_at", e.conversation().lastMessageAt());
                g.writeNumberField("messages", e.messages());
                g.writeStringField("file", e.file());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover hidden .export- folder is named as such
        }
    }
}
