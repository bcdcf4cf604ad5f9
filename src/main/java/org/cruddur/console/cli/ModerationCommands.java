package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.util.Locale;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.moderation.DeleteMessage;
import org.cruddur.console.service.moderation.DeletePreview;
import org.cruddur.console.service.moderation.EditMessage;
import org.cruddur.console.service.moderation.ModerationLog;
import org.cruddur.console.service.moderation.ModerationResult;
import org.cruddur.console.service.table.MessagesTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ddb delete-message} and {@code ddb edit-message}: moderation from the command line. */
final class ModerationCommands {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModerationCommands() {
    }

    abstract static class ModerationSub extends DdbCommand.Sub {
        @Parameters(index = "0", paramLabel = "<group-uuid>")
        String group;

        @Parameters(index = "1", paramLabel = "<message-uuid>")
        String message;

        @Option(names = "--json", description = "Print what changed as JSON.")
        boolean json;

        ModerationLog moderationLog() {
            return new ModerationLog(root().dirs().dataDir());
        }

        void print(ModerationResult r, String done) {
            if (json) {
                out().println(SdkJson.pretty(toJson(r)));
                return;
            }
            out().println(done + " message " + r.messageUuid() + " (" + r.messagePk() + " / " + r.messageSk() + "); "
                    + inboxes(r));
        }
    }

    static String inboxes(ModerationResult r) {
        return switch (r.inbox()) {
            case MOVED -> "inbox rows moved back to the previous message at " + r.lastMessageAt() + " (" + r.rows().size() + " rows)";
            case UPDATED -> "inbox rows now show the new text (" + r.rows().size() + " rows)";
            case DELETED -> "the conversation's inbox rows were deleted (" + r.rows().size() + " rows)";
            case UNCHANGED -> "inbox rows unchanged (not the newest message)";
        };
    }

    static ObjectNode toJson(ModerationResult r) {
        ObjectNode o = NODES.objectNode();
        o.put("action", r.action());
        o.put("message_group_uuid", r.messageGroupUuid());
        o.put("message_uuid", r.messageUuid());
        ObjectNode key = o.putObject("message_key");
        key.put("pk", r.messagePk());
        key.put("sk", r.messageSk());
        o.put("group_rows", r.inbox().code());
        ArrayNode rows = o.putArray("group_row_changes");
        for (ModerationResult.RowChange c : r.rows()) {
            ObjectNode n = rows.addObject();
            n.put("pk", c.pk());
            n.put("sk_before", c.skBefore());
            n.put("sk_after", c.skAfter());
        }
        o.put("last_message_at", r.lastMessageAt());
        o.put("attempts", r.attempts());
        return o;
    }

    @Command(name = "delete-message", description = "Delete one message; when it is the newest, both inboxes move back to"
            + " the previous one (the only one: the conversation's inbox rows go). Asks on a terminal unless --yes;"
            + " without a terminal --yes is required.")
    static final class DeleteMessageCommand extends ModerationSub {
        @Option(names = "--yes", description = "Do not ask.")
        boolean yes;

        @Override
        void run(MessagesTable table) {
            DeleteMessage delete = new DeleteMessage(table.session(), moderationLog());
            if (!yes) {
                // refused before reading anything: a script without --yes must not half-run
                table.session().requireWrites(DeleteMessage.ACTION);
                Console console = System.console();
                if (console == null) {
                    throw ConsoleException.validation("delete-message needs --yes when there is no terminal to confirm on");
                }
                DeletePreview preview = delete.preview(group, message);
                String answer = console.readLine("%s%nDelete it? [y/N] ", describe(preview));
                if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Not deleted");
                }
            }
            print(delete.delete(group, message), "Deleted");
        }

        private static String describe(DeletePreview p) {
            String what = "Message " + p.target().messageUuid() + " at " + p.target().createdAt() + " by @" + p.target().userHandle() + ". ";
            return what + switch (p.inbox()) {
                case MOVED -> "It is the newest: both inboxes will show the previous message of " + p.previous().createdAt() + ".";
                case DELETED -> "It is the only message: the conversation disappears from both inboxes.";
                default -> "Inboxes stay as they are.";
            };
        }
    }

    @Command(name = "edit-message", description = "Change one message's text (1 to 1024 characters, not blank); when it is"
            + " the newest, both inboxes show the new text.")
    static final class EditMessageCommand extends ModerationSub {
        @Option(names = "--text", required = true, paramLabel = "TEXT")
        String text;

        @Override
        void run(MessagesTable table) {
            print(new EditMessage(table.session(), moderationLog()).edit(group, message, text), "Edited");
        }
    }
}
