package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.streams.StreamEvent;
import org.cruddur.console.service.streams.StreamStart;
import org.cruddur.console.service.streams.StreamTail;
import org.cruddur.console.service.streams.TableStream;
import org.cruddur.console.service.table.MessagesTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ddb stream tail} and {@code ddb stream enable}: the table's DynamoDB stream from the command line. */
@Command(name = "stream", description = "Watch the table's DynamoDB stream, and what the backend's stream Lambda does with it.",
        mixinStandardHelpOptions = true, subcommands = {StreamCommands.Tail.class, StreamCommands.Enable.class})
public final class StreamCommands extends CommandGroup {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParentCommand
    DdbCommand ddb;

    abstract static class StreamSub extends TableCommand {
        @ParentCommand
        StreamCommands stream;

        @Override
        ConsoleCommand root() {
            return stream.ddb.root;
        }
    }

    @Command(name = "tail", description = "Print the stream's records, oldest first; stops at the end of the records there now,"
            + " or with --follow keeps reading until Ctrl+C.")
    static final class Tail extends StreamSub {
        @Option(names = "--from", paramLabel = "trim-horizon | latest",
                description = "trim-horizon: every record the stream holds (default); latest: only records written from now on.")
        String from = StreamStart.TRIM_HORIZON.option();

        @Option(names = "--follow", description = "Keep reading new records until interrupted (Ctrl+C ends cleanly, exit 0).")
        boolean follow;

        @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
        Integer max;

        @Option(names = "--json", description = "JSON lines, one record each.")
        boolean json;

        @Override
        public Integer call() {
            StreamStart start;
            try {
                start = StreamStart.parse(from);
            } catch (ConsoleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (max != null && max < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max must be at least 1, not " + max);
            }
            try (MessagesTable table = root().open(); Interruption interruption = follow ? Interruption.onSigint() : Interruption.none()) {
                tail(table, start, interruption);
            }
            out().flush();
            return 0;
        }

        @Override
        void run(MessagesTable table) {
            tail(table, StreamStart.parse(from), Interruption.none());
        }

        private void tail(MessagesTable table, StreamStart start, Interruption interruption) {
            StreamTail tail;
            try {
                tail = new TableStream(table.session()).tail(start);
            } catch (TableStream.NoStreamException e) {
                throw new ConsoleException(e.kind(), "Table '" + table.session().tableName() + "' has no stream: enable a NEW_IMAGE"
                        + " stream with 'ddb stream enable' (writes unlocked: --allow-writes on locked profiles)", e);
            }
            long printed = 0;
            try {
                while (!interruption.requested()) {
                    List<StreamEvent> batch = tail.poll();
                    for (StreamEvent e : batch) {
                        out().println(json ? SdkJson.compact(jsonOf(e)) : line(e));
                        printed++;
                        if (max != null && printed >= max) {
                            return;
                        }
                    }
                    out().flush();
                    if (!follow && tail.caughtUp()) {
                        return;
                    }
                    tail.pause(interruption::requested);
                }
            } finally {
                out().flush();
            }
        }
    }

    @Command(name = "enable", description = "Turn on the table's stream (NEW_IMAGE, what the backend's Lambda reads); needs unlocked writes.")
    static final class Enable extends StreamSub {
        @Override
        void run(MessagesTable table) {
            TableStream stream = new TableStream(table.session());
            boolean enabled = stream.enable();
            TableStream.Status s = stream.status();
            out().println((enabled ? "Enabled the stream of '" : "The stream of '") + table.session().tableName() + "'"
                    + (enabled ? "" : " was already on") + " (" + s.viewType() + "): " + s.arn());
        }
    }

    /** The JSON line of a record: the fields README promises, {@code lambda} only on message INSERTs. */
    static ObjectNode jsonOf(StreamEvent e) {
        ObjectNode o = NODES.objectNode();
        o.put("event_id", e.eventId());
        o.put("event_name", e.eventName());
        o.put("approximate_creation_time", e.approximateCreationTime() == null ? null : e.approximateCreationTime().toString());
        o.put("pk", e.pk());
        o.put("sk", e.sk());
        o.put("kind", e.kind().code());
        o.put("message_group_uuid", e.conversation());
        o.put("user_uuid", e.userUuid());
        o.put("message", e.message());
        if (e.isMessageInsert() && e.lambda() != null) {
            o.put("lambda", e.lambda().state().code());
        }
        return o;
    }

    /** One line for people; group-row writes of a post are indented under its message. */
    static String line(StreamEvent e) {
        StringBuilder b = new StringBuilder();
        b.append(e.approximateCreationTime() == null ? "-" : e.approximateCreationTime().toString()).append("  ");
        b.append(String.format("%-6s %-9s ", e.eventName(), e.kind().code()));
        if (e.kind() == org.cruddur.console.service.streams.RecordKind.GROUP_ROW) {
            b.append("  ");
        }
        b.append(e.pk()).append(" / ").append(e.sk());
        if (e.movedFrom() != null) {
            b.append(" (moved from ").append(e.movedFrom()).append(')');
        }
        if (e.message() != null) {
            b.append("  \"").append(e.message().replace('\n', ' ')).append('"');
        }
        if (e.lambda() != null) {
            b.append("  lambda: ").append(e.lambda().summary());
        }
        return b.toString();
    }

    /**
     * Ctrl+C under --follow: SIGINT only asks the loop to stop, so the command returns normally (exit 0, output
     * flushed, the embedded DynamoDB Local closed) instead of the JVM dying with 130 mid-write.
     */
    abstract static class Interruption implements AutoCloseable {
        abstract boolean requested();

        @Override
        public void close() {
        }

        static Interruption none() {
            return new Interruption() {
                @Override
                boolean requested() {
                    return Thread.currentThread().isInterrupted();
                }
            };
        }

        @SuppressWarnings("restriction")
        static Interruption onSigint() {
            AtomicBoolean stop = new AtomicBoolean();
            sun.misc.Signal sigint = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous;
            try {
                previous = sun.misc.Signal.handle(sigint, s -> stop.set(true));
            } catch (IllegalArgumentException notAvailable) {
                return none(); // e.g. the JVM runs with -Xrs: Ctrl+C ends it the usual way
            }
            sun.misc.SignalHandler restore = previous;
            return new Interruption() {
                @Override
                boolean requested() {
                    return stop.get() || Thread.currentThread().isInterrupted();
                }

                @Override
                public void close() {
                    sun.misc.Signal.handle(sigint, restore);
                }
            };
        }
    }

}
