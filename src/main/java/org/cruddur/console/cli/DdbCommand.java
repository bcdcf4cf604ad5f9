package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.patterns.ConversationQuery;
import org.cruddur.console.service.patterns.InboxQuery;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.seeding.Seeder;
import org.cruddur.console.service.users.UserReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code ddb ...}: the commands that replace the reference's bin/ddb scripts. */
@Command(name = "ddb", description = "Work with the messages table.", mixinStandardHelpOptions = true,
        subcommands = {
            DdbCommand.SchemaLoad.class, DdbCommand.Drop.class, DdbCommand.ListTables.class, DdbCommand.Describe.class,
            DdbCommand.Scan.class, DdbCommand.Seed.class, DdbCommand.ListConversations.class,
            DdbCommand.GetConversation.class, DdbCommand.Post.class, HealthCommands.Check.class, HealthCommands.Repair.class,
            TranscriptCommands.Find.class, TranscriptCommands.Export.class, TranscriptCommands.ExportUser.class,
            StreamCommands.class, LocalCommand.class, ModerationCommands.DeleteMessageCommand.class, ModerationCommands.EditMessageCommand.class})
public final class DdbCommand extends CommandGroup {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParentCommand
    ConsoleCommand root;

    /** Shared plumbing of the ddb subcommands: the open table and the output streams. */
    abstract static class Sub extends TableCommand {
        @ParentCommand
        DdbCommand ddb;

        @Override
        ConsoleCommand root() {
            return ddb.root;
        }
    }

    /** --limit N | --all, shared by the two paged patterns. */
    static final class Paging {
        @Option(names = "--limit", paramLabel = "N", description = "Newest N (default 50).")
        Integer limit;

        @Option(names = "--all", description = "Everything, following every page.")
        boolean all;

        int limitOrDefault() {
            int n = limit == null ? 50 : limit;
            if (n < 1) {
                throw ConsoleException.validation("--limit must be at least 1");
            }
            return n;
        }
    }

    @Command(name = "schema-load", description = "Create the table and its GSI (idempotent) and wait until ACTIVE.")
    static final class SchemaLoad extends Sub {
        @Override
        void run(MessagesTable table) {
            boolean created = table.schema().load();
            out().println((created ? "Created table '" : "Table already exists: '") + table.session().tableName()
                    + "' (ACTIVE) at " + table.session().describeTarget());
        }
    }

    @Command(name = "drop", description = "Delete the table. Asks you to type its name unless --yes.")
    static final class Drop extends Sub {
        @Option(names = "--yes", description = "Do not ask; drop the table named by --table / the profile.")
        boolean yes;

        @Override
        void run(MessagesTable table) {
            String name = table.session().tableName();
            String confirmation = name;
            if (!yes) {
                Console console = System.console();
                if (console == null) {
                    throw ConsoleException.validation("Drop needs --yes when there is no terminal to confirm on");
                }
                confirmation = console.readLine("Type the table name '%s' to drop it: ", name);
            }
            table.schema().drop(confirmation == null ? "" : confirmation.trim());
            out().println("Dropped table '" + name + "' at " + table.session().describeTarget());
        }
    }

    @Command(name = "list-tables", description = "List the tables at the endpoint.")
    static final class ListTables extends Sub {
        @Override
        void run(MessagesTable table) {
            table.schema().listTables().forEach(out()::println);
        }
    }

    @Command(name = "describe", description = "Keys, GSIs, item count and stream of the table.")
    static final class Describe extends Sub {
        @Override
        void run(MessagesTable table) {
            MessagesSchema.TableInfo t = table.schema().describe();
            out().println("table:      " + t.name() + " (" + t.status() + ")");
            out().println("keys:       " + t.keys());
            t.indexes().forEach(i -> out().println("gsi:        " + i));
            out().println("items:      " + t.itemCount() + " (" + t.sizeBytes() + " bytes; DynamoDB updates this about every 6 hours)");
            out().println("stream:     " + t.stream());
            out().println("capacity:   " + t.capacity());
        }
    }

    @Command(name = "scan", description = "Raw items of the table.")
    static final class Scan extends Sub {
        @Option(names = "--limit", paramLabel = "N", description = "At most N items (default 100).")
        int limit = 100;

        @Option(names = "--json", description = "Print a JSON array of the items (plain JSON).")
        boolean json;

        @Override
        void run(MessagesTable table) {
            Page<Map<String, AttributeValue>> page = table.scanner().page(limit, null, null);
            if (json) {
                ArrayNode array = NODES.arrayNode();
                page.items().forEach(item -> array.add(SdkJson.plainJson(item)));
                out().println(SdkJson.pretty(array));
            } else {
                page.items().forEach(item -> out().println(SdkJson.compact(SdkJson.plainJson(item))));
            }
            if (page.hasMore()) {
                err().println("(more items: raise --limit)");
            }
        }
    }

    @Command(name = "seed", description = "Write deterministic demo conversations (running it twice writes no duplicates).")
    static final class Seed extends Sub {
        @Option(names = "--users", paramLabel = "FILE", description = "Seed users file (JSON array of {uuid, handle, display_name, email?, cognito_user_id?}).")
        Path usersFile;

        @Option(names = "--conversations", paramLabel = "N", description = "Conversations (default 6).")
        int conversations = 6;

        @Option(names = "--messages", paramLabel = "N", description = "Messages in all (default 120).")
        int messages = 120;

        @Override
        void run(MessagesTable table) {
            List<ChatUser> users = usersFile == null ? table.users().seedUsers() : SeedUsers.read(usersFile);
            SeedPlan plan = new SeedPlan(users, conversations, messages);
            long[] lastShown = {-1};
            Seeder.SeedReport report = table.seeder().seed(plan, (done, total) -> {
                long percent = done * 100 / Math.max(1, total);
                synchronized (lastShown) {
                    if (percent / 10 > lastShown[0]) {
                        lastShown[0] = percent / 10;
                        err().println("seed: " + done + " / " + total + " items (" + percent + "%)");
                        err().flush();
                    }
                }
            }, () -> false);
            out().printf(Locale.ROOT, "Seeded %d items (%d conversations, %d messages) in %.1f s (%.0f items/s, %d retries)%n",
                    report.itemsWritten(), report.conversations(), report.messages(), report.took().toMillis() / 1000.0,
                    report.itemsPerSecond(), report.retries());
        }
    }

    @Command(name = "list-conversations", description = "A user's conversations, newest first (pattern B).")
    static final class ListConversations extends Sub {
        @Parameters(paramLabel = "<user-uuid | @handle>")
        String user;

        @ArgGroup(exclusive = true)
        Paging paging = new Paging();

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        void run(MessagesTable table) {
            String uuid = UserReference.uuidOf(user, table.users());
            InboxQuery inbox = table.inbox();
            Page<MessageGroupRow> page = paging.all ? inbox.all(uuid) : inbox.page(uuid, paging.limitOrDefault(), null);
            if (json) {
                ArrayNode array = NODES.arrayNode();
                for (MessageGroupRow g : page.rows()) {
                    ObjectNode o = array.addObject();
                    o.put("message_group_uuid", g.messageGroupUuid());
                    o.put("other_user_uuid", g.otherUserUuid());
                    o.put("other_user_display_name", g.otherUserDisplayName());
                    o.put("other_user_handle", g.otherUserHandle());
                    o.put("last_message", g.lastMessage());
                    o.put("last_message_at", g.lastMessageAt());
                }
                out().println(SdkJson.pretty(array));
                return;
            }
            if (page.rows().isEmpty()) {
                out().println("No conversations for " + user);
            }
            for (MessageGroupRow g : page.rows()) {
                out().println(g.lastMessageAt() + "  " + g.messageGroupUuid() + "  @" + g.otherUserHandle()
                        + " (" + g.otherUserDisplayName() + "): " + g.lastMessage());
            }
            if (page.hasMore()) {
                err().println("(older conversations: use --all or a larger --limit)");
            }
        }
    }

    @Command(name = "get-conversation", description = "The messages of a conversation, newest first (pattern A).")
    static final class GetConversation extends Sub {
        @Parameters(paramLabel = "<group-uuid>")
        String group;

        @ArgGroup(exclusive = true)
        Paging paging = new Paging();

        @ArgGroup(exclusive = true)
        TranscriptCommands.Around around = new TranscriptCommands.Around();

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        String usageError() {
            return around.usageError();
        }

        @Override
        void run(MessagesTable table) {
            if (around.isSet()) {
                TranscriptCommands.printAround(this, table, group, around, paging, json);
                return;
            }
            ConversationQuery conversations = table.conversations();
            Page<MessageRow> page = paging.all ? conversations.all(group) : conversations.page(group, paging.limitOrDefault(), null);
            if (page.rows().isEmpty()) {
                throw ConsoleException.notFound("No messages in conversation '" + group + "' in '" + table.session().tableName() + "'");
            }
            if (json) {
                out().println(SdkJson.pretty(messagesJson(page.rows())));
                return;
            }
            page.rows().forEach(m -> out().println(messageLine(m)));
            if (page.hasMore()) {
                err().println("(older messages: use --all or a larger --limit)");
            }
        }
    }

    /** The JSON array get-conversation prints (find prints the same objects). */
    static ArrayNode messagesJson(List<MessageRow> rows) {
        ArrayNode array = NODES.arrayNode();
        for (MessageRow m : rows) {
            ObjectNode o = array.addObject();
            o.put("message_uuid", m.messageUuid());
            o.put("user_uuid", m.userUuid());
            o.put("user_display_name", m.userDisplayName());
            o.put("user_handle", m.userHandle());
            o.put("message", m.message());
            o.put("created_at", m.createdAt());
        }
        return array;
    }

    static String messageLine(MessageRow m) {
        return m.createdAt() + "  @" + m.userHandle() + " (" + m.userDisplayName() + "): " + m.message();
    }

    @Command(name = "post", description = "Post a message: to a person (pattern C, or D when you already share a conversation) or into a conversation (D).")
    static final class Post extends Sub {
        @Option(names = "--from", required = true, paramLabel = "<user-uuid | @handle>")
        String from;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--to", required = true, paramLabel = "<user-uuid | @handle>")
            String to;

            @Option(names = "--group", required = true, paramLabel = "<group-uuid>")
            String group;
        }

        @Option(names = "--text", required = true, paramLabel = "TEXT")
        String text;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        void run(MessagesTable table) {
            PostResult r = target.to != null
                    ? table.post().toUser(from, target.to, text)
                    : table.post().toGroup(from, target.group, text);
            if (json) {
                ObjectNode o = NODES.objectNode();
                o.put("message_group_uuid", r.messageGroupUuid());
                o.put("message_uuid", r.messageUuid());
                o.put("created_at", r.createdAt());
                out().println(SdkJson.pretty(o));
            } else {
                out().println((r.newConversation() ? "Started conversation " : "Posted to conversation ") + r.messageGroupUuid()
                        + ": message " + r.messageUuid() + " at " + r.createdAt());
            }
        }
    }
}
