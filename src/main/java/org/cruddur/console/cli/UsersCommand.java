package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.service.users.DirectoryListing;
import org.cruddur.console.service.users.DirectoryProblem;
import org.cruddur.console.service.users.DirectorySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code users ...}: the user directory over the seed users, the table and Cognito (the reference's
 * update_cognito_user_ids matching, without writing anything). Missing sources are noted on stderr.
 */
@Command(name = "users", description = "The user directory: seed users, the table's users and Cognito, merged.",
        mixinStandardHelpOptions = true, subcommands = {UsersCommand.ListUsers.class, UsersCommand.Show.class})
public final class UsersCommand extends CommandGroup {

    @ParentCommand
    ConsoleCommand root;

    /** One person in the CLI's JSON shape. */
    static ObjectNode json(DirectoryEntry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("user_uuid", e.userUuid());
        o.put("handle", e.handle());
        o.put("display_name", e.displayName());
        o.put("email", e.email());
        o.put("cognito_sub", e.cognitoSub());
        o.put("cognito_username", e.cognitoUsername());
        o.put("state", e.state());
        ArrayNode sources = o.putArray("sources");
        e.sourceList().forEach(s -> sources.add(s.id()));
        ArrayNode problems = o.putArray("problems");
        for (DirectoryProblem p : e.problems()) {
            problems.addObject().put("code", p.code()).put("message", p.message());
        }
        return o;
    }

    abstract static class Sub extends TableCommand {
        @ParentCommand
        UsersCommand users;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        ConsoleCommand root() {
            return users.root;
        }

        void notes(DirectoryListing listing) {
            listing.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
            spec.commandLine().getErr().flush();
        }
    }

    @Command(name = "list", description = "Everyone, by handle: uuid, email, Cognito sub and state, sources and problems.")
    static final class ListUsers extends Sub {
        @Override
        void run(MessagesTable table) {
            DirectoryListing listing = table.users().directory();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                listing.entries().forEach(e -> array.add(json(e)));
                out.println(SdkJson.pretty(array));
            } else {
                for (DirectoryEntry e : listing.entries()) {
                    out.println(e.label() + "  " + dash(e.email()) + "  uuid=" + dash(e.userUuid()) + "  sub=" + dash(e.cognitoSub())
                            + "  [" + String.join(",", e.sourceList().stream().map(DirectorySource::id).toList()) + "]  " + e.state());
                    e.problems().forEach(p -> out.println("    ! " + p));
                }
            }
            notes(listing);
        }
    }

    @Command(name = "show", description = "One person's merged record, sources and problems.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "<user-uuid | @handle | email | cognito-sub>")
        String reference;

        @Override
        void run(MessagesTable table) {
            DirectoryListing found = table.users().lookup(reference);
            notes(found);
            DirectoryEntry e = table.users().requireOne(found, reference);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(SdkJson.pretty(json(e)));
                return;
            }
            out.println("user:          " + e.label());
            out.println("user_uuid:     " + dash(e.userUuid()));
            out.println("handle:        " + dash(e.handle()));
            out.println("display_name:  " + dash(e.displayName()));
            out.println("email:         " + dash(e.email()));
            out.println("cognito_sub:   " + dash(e.cognitoSub()));
            out.println("cognito_user:  " + dash(e.cognitoUsername()));
            out.println("state:         " + e.state());
            out.println("sources:       " + String.join(", ", e.sourceList().stream().map(DirectorySource::id).toList()));
            out.println("problems:      " + (e.problems().isEmpty() ? "none" : ""));
            e.problems().forEach(p -> out.println("  - " + p));
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
