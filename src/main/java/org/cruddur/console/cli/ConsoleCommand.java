package org.cruddur.console.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.List;
import org.cruddur.console.about.AppVersion;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConfigException;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.log.LogFile;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.aws.AwsAccess;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.service.table.MessagesTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command-line front end: {@code cruddur-console [global options] ddb ...}, over the same service layer as the UI. */
@Command(name = "cruddur-console",
        mixinStandardHelpOptions = true,
        versionProvider = ConsoleCommand.Version.class,
        description = "Admin console for the Cruddur direct-messaging DynamoDB table. Without arguments it opens the desktop app.",
        subcommands = {DdbCommand.class, CognitoCommand.class, UsersCommand.class, AwsCommand.class, CommandLine.HelpCommand.class})
public final class ConsoleCommand extends CommandGroup {

    @Option(names = "--profile", paramLabel = "NAME", description = "Connection profile: embedded (default), local, prod, or one of yours.")
    String profileName = ConnectionProfile.EMBEDDED.name();

    @Option(names = "--endpoint", paramLabel = "URL", description = "A DynamoDB endpoint (e.g. http://localhost:8000); counts as a local profile.")
    String endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS region.")
    String region;

    @Option(names = "--table", paramLabel = "NAME", description = "Table name (default cruddur-messages).")
    String table;

    @Option(names = "--allow-writes", description = "Unlock writes on prod and read-only profiles.")
    boolean allowWrites;

    @Option(names = "--listen-all", description = "Let the embedded profile's DynamoDB Local listen on every network interface"
            + " (default: loopback only). It accepts any credentials: anyone who can reach it can read and change its tables.")
    boolean listenAll;

    @Option(names = "--cognito-endpoint", paramLabel = "URL", description = "A Cognito user pools endpoint (e.g. cognito-local at http://localhost:9229).")
    String cognitoEndpoint;

    @Option(names = "--user-pool-id", paramLabel = "ID", description = "The Cognito user pool of the users directory.")
    String userPoolId;

    @Option(names = "--debug", description = "On an error, print its stack trace too (it is always in the log file).")
    boolean debug;

    private final AppDirectories dirs;
    private final AwsAccess aws;

    public ConsoleCommand(AppDirectories dirs) {
        this(dirs, AwsAccess.standard().withMfa(new TerminalMfa()));
    }

    /** @param aws the AWS files, sign-in endpoints and MFA prompt (the terminal's, unless a test gives its own) */
    public ConsoleCommand(AppDirectories dirs, AwsAccess aws) {
        this.dirs = dirs;
        this.aws = aws;
    }

    AwsAccess aws() {
        return aws;
    }

    AppDirectories dirs() {
        return dirs;
    }

    /** The profile the global options name, with --endpoint, --region and --table applied. */
    ConnectionProfile profile() {
        ConnectionProfile profile;
        if (endpoint != null) {
            profile = ConnectionProfile.forEndpoint(endpoint);
            java.util.List<String> problems = profile.problems();
            if (!problems.isEmpty()) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "--endpoint: " + problems.get(0));
            }
        } else {
            ProfileStore store = ProfileStore.load(dirs.profilesFile());
            profile = store.require(profileName);
        }
        if (region != null) {
            profile = profile.withRegion(region);
        }
        if (table != null) {
            profile = profile.withTable(table);
        }
        if (cognitoEndpoint != null || userPoolId != null) {
            profile = profile.withCognito(cognitoEndpoint, userPoolId);
            List<String> problems = profile.problems().stream().filter(p -> p.startsWith("cognito endpoint")).toList();
            if (!problems.isEmpty()) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "--cognito-endpoint: " + problems.get(0));
            }
        }
        return profile;
    }

    MessagesTable open() {
        ConnectionProfile profile = profile();
        if (listenAll && profile.kind() == ConnectionProfile.Kind.EMBEDDED) {
            System.setProperty(EmbeddedDynamoDbLocal.LISTEN_ALL_PROPERTY, "true");
            spec.commandLine().getErr().println("warning: --listen-all: DynamoDB Local listens on every network interface;"
                    + " anyone who can reach its port can read and change its tables");
        }
        return MessagesTable.open(profile, dirs, allowWrites, status -> { }, aws);
    }

    /** The service's messages are front-end neutral; the CLI names its own way out. */
    private String remedy(ConsoleException.Kind kind) {
        return switch (kind) {
            case READ_ONLY -> " (unlock writes first: --allow-writes)";
            case TABLE_MISSING -> " (load the schema first: ddb schema-load)";
            case SIGN_IN -> " (sign in: cruddur-console --profile " + profileName + " aws login)";
            default -> "";
        };
    }

    /** Runs the CLI and returns its exit status: 0 success, 1 operational error, 2 usage error. */
    public static int run(AppDirectories dirs, PrintWriter out, PrintWriter err, String... args) {
        return run(new ConsoleCommand(dirs), out, err, args);
    }

    /** The same with the AWS sign-in settings given (tests: a temporary ~/.aws and local stand-ins for AWS). */
    public static int run(AppDirectories dirs, AwsAccess aws, PrintWriter out, PrintWriter err, String... args) {
        return run(new ConsoleCommand(dirs, aws), out, err, args);
    }

    private static int run(ConsoleCommand root, PrintWriter out, PrintWriter err, String... args) {
        AppDirectories dirs = root.dirs;
        try {
            // the service layer's notes (a borrowed DynamoDB Local, a class-data archive remade) go to the log, never
            // to stderr, which scripts read
            LogFile.install(dirs.dataDir());
        } catch (RuntimeException noLog) {
            // a read-only data folder: the command still runs; failures still print their one line
        }
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String logged = log(dirs, commandLine, e);
            if (e instanceof ConsoleException ce) {
                commandLine.getErr().println("error: " + ce.getMessage() + root.remedy(ce.kind()));
            } else if (e instanceof ConfigException) {
                commandLine.getErr().println("error: " + e.getMessage());
            } else {
                commandLine.getErr().println("error: " + e + (logged == null ? "" : " (stack trace in " + logged + ")"));
            }
            if (root.debug) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Writes the failure to the log file (expected ones as their line, others with the stack trace); returns the
     * file, or null when the log cannot be written (the error on stderr still says what went wrong).
     */
    private static String log(AppDirectories dirs, CommandLine commandLine, Exception e) {
        try {
            Path file = LogFile.install(dirs.dataDir());
            Logger log = Logger.getLogger(ConsoleCommand.class.getName());
            String command = String.join(" ", commandLine.getCommandSpec().qualifiedName());
            if (e instanceof ConsoleException ce && (ce.kind() == ConsoleException.Kind.CREDENTIALS
                    || ce.kind() == ConsoleException.Kind.SIGN_IN) && ce.getCause() != null) {
                // the screen gets one line; the SDK's whole provider chain is here, for whoever helps
                log.log(Level.INFO, command + ": " + e.getMessage(), e);
            } else if (e instanceof ConsoleException || e instanceof ConfigException) {
                log.info(() -> command + ": " + e.getMessage());
            } else {
                log.log(Level.SEVERE, command + " failed unexpectedly", e);
            }
            return file.toString();
        } catch (RuntimeException cannotLog) {
            return null;
        }
    }

    /** Version from the pom. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.name() + " " + AppVersion.version()};
        }
    }
}
