package org.cruddur.console.service.table;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.patterns.ConversationQuery;
import org.cruddur.console.service.patterns.InboxQuery;
import org.cruddur.console.service.patterns.PostMessage;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.seeding.Seeder;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.transcripts.ConversationTimeline;
import org.cruddur.console.service.transcripts.TranscriptExport;
import org.cruddur.console.service.users.UserDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.users.CognitoUserSource;

/**
 * The messages table through one open session: the entry point both front ends use. Each access pattern and admin
 * concern has its own class; this only wires them to one session.
 */
public final class MessagesTable implements AutoCloseable {

    private final DynamoSession session;
    private final MessagesSchema schema;
    private final ConversationQuery conversations;
    private final InboxQuery inbox;
    private final UserDirectory users;
    private final PostMessage post;
    private final TableScanner scanner;
    private final CognitoUserSource cognito;

    /** Also opens the profile's Cognito user pool for the user directory, when it names one (nothing is sent yet). */
    public MessagesTable(DynamoSession session, List<ChatUser> seedUsers) {
        this.session = session;
        CognitoUserSource pool = null;
        String cognitoMissing = null;
        try {
            pool = CognitoUserSource.forProfile(session.profile()).orElse(null);
        } catch (ConsoleException e) {
            cognitoMissing = e.getMessage();
        }
        this.cognito = pool;
        this.schema = new MessagesSchema(session);
        this.conversations = new ConversationQuery(session);
        this.inbox = new InboxQuery(session);
        this.users = new UserDirectory(session, seedUsers, pool, cognitoMissing);
        this.post = new PostMessage(session, users);
        this.scanner = new TableScanner(session);
    }

    /** Opens a session (starting DynamoDB Local for the embedded profile) with the seed users from {@code dirs}. */
    public static MessagesTable open(ConnectionProfile profile, AppDirectories dirs, boolean allowWrites, Consumer<String> status) {
        return new MessagesTable(DynamoSession.open(profile, dirs, allowWrites, status), seedUsers(dirs));
    }

    /** The same with the AWS sign-in settings given (the profile files, token cache, endpoints and MFA prompt). */
    public static MessagesTable open(ConnectionProfile profile, AppDirectories dirs, boolean allowWrites, Consumer<String> status,
                                     org.cruddur.console.service.aws.AwsAccess aws) {
        return new MessagesTable(DynamoSession.open(profile, dirs, allowWrites, status, aws), seedUsers(dirs));
    }

    /** The seed users: {@code users.json} in the config folder when present, else the built-in demo people. */
    public static List<ChatUser> seedUsers(AppDirectories dirs) {
        Path file = dirs.configDir().resolve("users.json");
        return Files.exists(file) ? SeedUsers.read(file) : SeedUsers.DEFAULT;
    }

    public DynamoSession session() {
        return session;
    }

    public MessagesSchema schema() {
        return schema;
    }

    public ConversationQuery conversations() {
        return conversations;
    }

    public InboxQuery inbox() {
        return inbox;
    }

    public UserDirectory users() {
        return users;
    }

    public PostMessage post() {
        return post;
    }

    public TableScanner scanner() {
        return scanner;
    }

    /** Pattern A in time order from any point, and find (service/transcripts). */
    public ConversationTimeline timeline() {
        return new ConversationTimeline(session);
    }

    /** Transcripts of one conversation or of all of a person's (service/transcripts). */
    public TranscriptExport transcripts() {
        return new TranscriptExport(session, inbox);
    }

    public Seeder seeder() {
        return new Seeder(session);
    }

    @Override
    public void close() {
        if (cognito != null) {
            cognito.close();
        }
        session.close();
    }
}
