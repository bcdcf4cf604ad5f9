package org.cruddur.console.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.transcripts.ConversationTimeline;
import org.cruddur.console.service.transcripts.ExportProgress;
import org.cruddur.console.service.transcripts.TextMatch;
import org.cruddur.console.service.transcripts.TimelineMessage;
import org.cruddur.console.service.transcripts.TranscriptExport;
import org.cruddur.console.service.transcripts.TranscriptFormat;
import org.cruddur.console.service.users.UserReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ddb find}, {@code ddb export}, {@code ddb export-user} and get-conversation's {@code --before/--after}. */
final class TranscriptCommands {

    private TranscriptCommands() {
    }

    /** --before TIME | --after TIME of get-conversation. */
    static final class Around {
        @Option(names = "--before", paramLabel = "TIME", description = "Messages strictly older than TIME, newest first (ISO-8601, any form the backend writes).")
        String before;

        @Option(names = "--after", paramLabel = "TIME", description = "Messages strictly newer than TIME, oldest first.")
        String after;

        boolean isSet() {
            return before != null || after != null;
        }

        String usageError() {
            String time = before != null ? before : after;
            if (time == null) {
                return null;
            }
            try {
                Timestamps.parse(time);
                return null;
            } catch (ConsoleException e) {
                return (before != null ? "--before: " : "--after: ") + e.getMessage();
            }
        }
    }

    static void printAround(DdbCommand.Sub command, MessagesTable table, String group, Around around, DdbCommand.Paging paging, boolean json) {
        int limit = paging.all ? Integer.MAX_VALUE : paging.limitOrDefault();
        ConversationTimeline timeline = table.timeline();
        requireConversation(table, group);
        ConversationTimeline.Slice slice = around.before != null
                ? timeline.before(group, Timestamps.parse(around.before), limit)
                : timeline.after(group, Timestamps.parse(around.after), limit);
        print(command.out(), slice, json);
        if (slice.more()) {
            command.err().println(around.before != null ? "(older messages: use --all or a larger --limit)"
                    : "(newer messages: use --all or a larger --limit)");
        }
    }

    private static void requireConversation(MessagesTable table, String group) {
        if (!table.timeline().exists(group)) {
            throw ConsoleException.notFound("No messages in conversation '" + group + "' in '" + table.session().tableName() + "'");
        }
    }

    private static void print(PrintWriter out, ConversationTimeline.Slice slice, boolean json) {
        List<MessageRow> rows = slice.messages().stream().map(TimelineMessage::row).toList();
        if (json) {
            out.println(SdkJson.pretty(DdbCommand.messagesJson(rows)));
        } else {
            rows.forEach(m -> out.println(DdbCommand.messageLine(m)));
        }
    }

    @Command(name = "find", description = "Messages of a conversation that contain TEXT, newest first (a Query of its partition with a filter)."
            + " Matches TEXT as typed, lower case, UPPER CASE or Capitalised.")
    static final class Find extends DdbCommand.Sub {
        @Parameters(paramLabel = "<group-uuid>")
        String group;

        @Option(names = "--text", required = true, paramLabel = "TEXT")
        String text;

        @ArgGroup(exclusive = true)
        DdbCommand.Paging paging = new DdbCommand.Paging();

        @Option(names = "--json", description = "Print a JSON array (the objects of get-conversation --json).")
        boolean json;

        @Override
        String usageError() {
            try {
                new TextMatch(text);
                return null;
            } catch (ConsoleException e) {
                return "--text: " + e.getMessage();
            }
        }

        @Override
        void run(MessagesTable table) {
            int limit = paging.all ? Integer.MAX_VALUE : paging.limitOrDefault();
            requireConversation(table, group);
            ConversationTimeline.Slice found = table.timeline().find(group, new TextMatch(text), limit, () -> false);
            print(out(), found, json);
            if (found.messages().isEmpty() && !json) {
                err().println("(no message matches; " + TextMatch.RULE + ")");
            }
            if (found.more()) {
                err().println("(older matches: use --all or a larger --limit)");
            }
        }
    }

    /** --format and --time-zone, checked before anything is opened. */
    abstract static class ExportSub extends DdbCommand.Sub {
        @Option(names = "--format", required = true, paramLabel = "json|csv|md|txt")
        String format;

        @Option(names = "--time-zone", paramLabel = "ZONE", description = "Zone of the times in md and txt (default: the system's), e.g. Europe/Berlin, UTC, +02:00.")
        String timeZone;

        TranscriptFormat chosen;
        ZoneId zone;

        @Override
        String usageError() {
            try {
                chosen = TranscriptFormat.parse(format);
            } catch (ConsoleException e) {
                return "--format: " + e.getMessage();
            }
            try {
                zone = timeZone == null ? ZoneId.systemDefault() : ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                return "--time-zone: unknown zone '" + timeZone + "'";
            }
            return null;
        }

        Consumer<ExportProgress> progress() {
            long[] shown = {0};
            return p -> {
                if (p.messages() >= shown[0] + 10_000) {
                    shown[0] = p.messages();
                    err().println("export: " + p.messages() + " messages" + (p.conversations() > 1
                            ? " (" + p.conversationsDone() + " / " + p.conversations() + " conversations)" : ""));
                    err().flush();
                }
            };
        }
    }

    @Command(name = "export", description = "One conversation, oldest first, to a file (or stdout): json, csv, md or txt.")
    static final class Export extends ExportSub {
        @Parameters(paramLabel = "<group-uuid>")
        String group;

        @Option(names = "--output", paramLabel = "FILE", description = "Write here (replaced only once complete); default stdout.")
        Path output;

        @Override
        void run(MessagesTable table) {
            TranscriptExport export = table.transcripts();
            if (output == null) {
                export.write(group, chosen, zone, out(), p -> { }, () -> false);
                return;
            }
            long n = export.toFile(group, chosen, zone, output, progress(), () -> false);
            err().println("Exported " + n + " messages to " + output);
        }
    }

    @Command(name = "export-user", description = "All of a person's conversations into a folder: one file each and index.json.")
    static final class ExportUser extends ExportSub {
        @Parameters(paramLabel = "<user-uuid | @handle>")
        String user;

        @Option(names = "--output", required = true, paramLabel = "DIR")
        Path output;

        @Override
        void run(MessagesTable table) {
            String uuid = UserReference.uuidOf(user, table.users());
            TranscriptExport.FolderResult r = table.transcripts().toFolder(uuid, chosen, zone, output, progress(), () -> false);
            out().println("Exported " + r.conversations().size() + " conversations (" + r.messages() + " messages) to " + r.folder()
                    + "; index: " + r.index());
        }
    }

}
