package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.users.CognitoFilter;
import org.cruddur.console.service.users.CognitoUser;
import org.cruddur.console.service.users.CognitoUserSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code cognito ...}: the reference's bin/cognito/list-users, with every page and filters. Needs no table. */
@Command(name = "cognito", description = "Read the profile's Cognito user pool.", mixinStandardHelpOptions = true,
        subcommands = {CognitoCommand.ListUsers.class})
public final class CognitoCommand extends CommandGroup {

    @ParentCommand
    ConsoleCommand root;

    /** The profile's user pool; a one-line error when it names none. */
    CognitoUserSource open() {
        ConnectionProfile profile = root.profile();
        return CognitoUserSource.forProfile(profile).orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG,
                CognitoUserSource.missingConfiguration(profile).orElse("Cognito is not configured")));
    }

    @Command(name = "list-users", description = "Every user of the pool (all pages): username, sub, handle, name, email, state.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        CognitoCommand cognito;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--filter", paramLabel = "EXPR", description = "ATTRIBUTE = \"value\" or ATTRIBUTE ^= \"value\"; Cognito "
                + "filters username, email, phone_number, name, given_name, family_name, preferred_username, "
                + "cognito:user_status, status and sub itself, other attributes (and enabled = true|false) are filtered here.")
        String filter;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        public Integer call() {
            CognitoFilter parsed;
            try {
                parsed = filter == null ? null : CognitoFilter.parse(filter);
            } catch (ConsoleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--filter: " + e.getMessage());
            }
            List<CognitoUser> users;
            try (CognitoUserSource source = cognito.open()) {
                users = source.list(parsed);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (CognitoUser u : users) {
                    ObjectNode o = array.addObject();
                    o.put("username", u.username());
                    o.put("sub", u.sub());
                    o.put("preferred_username", u.handle());
                    o.put("name", u.displayName());
                    o.put("email", u.email());
                    o.put("enabled", u.enabled());
                    o.put("user_status", u.status());
                    o.put("created_at", u.created() == null ? null : u.created().toString());
                    ObjectNode attributes = o.putObject("attributes");
                    new TreeMap<>(u.attributes()).forEach(attributes::put);
                }
                out.println(SdkJson.pretty(array));
            } else {
                for (CognitoUser u : users) {
                    out.println(u.username() + "  sub=" + u.sub() + "  @" + dash(u.handle()) + "  " + dash(u.displayName())
                            + "  <" + dash(u.email()) + ">  " + u.state());
                }
                spec.commandLine().getErr().println(users.size() + " user" + (users.size() == 1 ? "" : "s"));
            }
            out.flush();
            return 0;
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }
}
