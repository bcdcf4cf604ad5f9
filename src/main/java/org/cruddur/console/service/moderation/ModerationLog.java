package org.cruddur.console.service.moderation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.session.DynamoSession;

/**
 * The moderation log: one JSON line per moderation action, appended to {@code <data folder>/moderation-log.jsonl}.
 * It says who changed which message where, never what the message said (a redaction must not leave the text behind).
 * The CLI and the desktop console may append at once, so each line is written under a file lock in one write.
 */
public final class ModerationLog {

    public static final String FILE_NAME = "moderation-log.jsonl";

    private final Path file;
    private final Clock clock;

    public ModerationLog(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    ModerationLog(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Appends the line of one finished action. */
    void append(DynamoSession session, ModerationResult result) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("time", Instant.now(clock).truncatedTo(ChronoUnit.MICROS).toString());
        line.put("profile", session.profile().name());
        line.put("table", session.tableName());
        line.put("target", session.describeTarget());
        line.put("action", result.action());
        line.put("conversation", result.messageGroupUuid());
        ObjectNode key = line.putObject("message_key");
        key.put("pk", result.messagePk());
        key.put("sk", result.messageSk());
        line.put("message_uuid", result.messageUuid());
        line.put("inbox", result.inbox().code());
        line.put("os_user", System.getProperty("user.name"));
        line.put("aws_identity", OperatorIdentity.aws(session));
        byte[] bytes = (SdkJson.compact(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, result.action() + " of message " + result.messageUuid()
                    + " is done, but the moderation log " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    /** The lines so far, oldest first (empty when nothing was logged yet). */
    public List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
