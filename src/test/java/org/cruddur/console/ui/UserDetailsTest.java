package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.users.CognitoLocalServer;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.userdetails.UserDetailsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The people picker over the whole directory and the details pane, without the toolkit, on a real DynamoDB Local
 * and a real user pool (cognito-local): Cognito-only people are found and shown but cannot be written to; opening a
 * person's conversations and addressing the composer to them; the directory's notes when Cognito is missing or down.
 */
class UserDetailsTest {

    static final ChatUser MARA = ConsoleModelTest.MARA;
    static final ChatUser TOBI = ConsoleModelTest.TOBI;

    @TempDir
    Path home;
    LocalDynamo dynamo;
    ConsoleModel model;
    String table;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.shared();
        table = LocalDynamo.uniqueTable("people");
        dynamo.seed(table, 1, 10); // mara and tobi talk
        model = new ConsoleModel(new AppDirectories(home.resolve("config"), home.resolve("data")), new ImmediateWork(),
                MainViewModel.defaultOpener(), Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.main().close();
    }

    private DirectoryEntry find(String search) {
        model.inbox().searchProperty().set(search);
        assertThat(model.inbox().matchingPeople()).hasSize(1);
        return model.inbox().matchingPeople().get(0);
    }

    @Test
    void theDirectoryFindsCognitoOnlyPeopleAndTheDetailsPaneShowsTheMergedRecord() {
        CognitoLocalServer cognito = CognitoLocalServer.get();
        String pool = cognito.createPool();
        String maraSub = cognito.createUser(pool, "mara", "preferred_username", "mara", "name", "Mara Quinlan", "email", "mara@example.com");
        String newbieSub = cognito.createUser(pool, "newbie", "preferred_username", "newbie", "name", "New Bie", "email", "newbie@example.org");
        model.main().connect(LocalDynamo.profile("people", dynamo.endpoint(), table, false).withCognito(cognito.endpoint().toString(), pool));
        UserDetailsViewModel details = model.userDetails();

        // the first conversation is on screen, then the directory (table + Cognito) replaced the seed users
        assertThat(model.conversation().entries()).isNotEmpty();
        assertThat(model.inbox().directoryLoadedProperty().get()).isTrue();
        assertThat(details.bannerProperty().get()).isNull();
        assertThat(details.personProperty().get().userUuid()).isEqualTo(MARA.uuid()); // follows the open inbox

        // a Cognito-only person, found by email: shown, but no inbox and nothing to send to
        DirectoryEntry newbie = find("newbie@example");
        assertThat(newbie.userUuid()).isNull();
        model.inbox().selectedPersonProperty().set(newbie);
        assertThat(details.titleProperty().get()).isEqualTo("@newbie (New Bie)");
        assertThat(details.userUuid().get()).contains("only in Cognito");
        assertThat(details.cognitoSub().get()).isEqualTo(newbieSub);
        assertThat(details.cognitoUsername().get()).isEqualTo("newbie");
        assertThat(details.cognitoState().get()).startsWith("enabled");
        assertThat(details.sources().get()).isEqualTo("Cognito");
        assertThat(details.problems()).anyMatch(p -> p.startsWith("Never messaged: "));
        assertThat(details.canOpenConversationsProperty().get()).isFalse();
        assertThat(details.canStartConversationProperty().get()).isFalse();
        assertThat(details.whyNotStartProperty().get()).contains("Only in Cognito");
        assertThat(details.startConversation()).isFalse();
        assertThat(model.composer().recipientProperty().get()).isNull();
        assertThat(model.inbox().selectedUserProperty().get().uuid()).isEqualTo(MARA.uuid()); // picking is not opening

        // mara: seed + table + Cognito merged, found by her sub
        DirectoryEntry mara = find(maraSub.substring(0, 13));
        model.inbox().selectedPersonProperty().set(mara);
        assertThat(details.userUuid().get()).isEqualTo(MARA.uuid());
        assertThat(details.email().get()).isEqualTo("mara@example.com");
        assertThat(details.sources().get()).isEqualTo("seed users, table, Cognito");
        assertThat(details.problems()).isEmpty();
        assertThat(details.whyNotStartProperty().get()).contains("writes as this person"); // mara is the sender

        // tobi is in the table but not in Cognito: start a conversation with him as mara, then open his inbox
        DirectoryEntry tobi = find("@tob");
        model.inbox().selectedPersonProperty().set(tobi);
        assertThat(details.problems()).anyMatch(p -> p.startsWith("Not in Cognito: "));
        assertThat(details.canStartConversationProperty().get()).isTrue();
        assertThat(details.startConversation()).isTrue();
        assertThat(model.composer().recipientProperty().get().uuid()).isEqualTo(TOBI.uuid());
        assertThat(model.composer().targetProperty().get()).contains("As Mara").contains("to Tobi");
        model.composer().textProperty().set("Hi Tobi, from the details pane");
        model.composer().send();
        assertThat(model.main().errorProperty().get()).isNull();
        assertThat(model.conversation().entries().get(model.conversation().entries().size() - 1).message().message())
                .isEqualTo("Hi Tobi, from the details pane");

        details.openConversations();
        assertThat(model.inbox().selectedUserProperty().get().uuid()).isEqualTo(TOBI.uuid());
        assertThat(model.inbox().conversations()).extracting(MessageGroupRow::ownerUuid).containsOnly(TOBI.uuid());
        assertThat(model.inbox().conversations().get(0).lastMessage()).isEqualTo("Hi Tobi, from the details pane");
        assertThat(details.personProperty().get().userUuid()).isEqualTo(TOBI.uuid());
        assertThat(details.canStartConversationProperty().get()).isFalse(); // tobi is now the one writing
    }

    @Test
    void withoutCognitoTheDirectoryStillWorksAndTheBannerSaysWhatIsMissing() {
        model.main().connect(LocalDynamo.profile("people", dynamo.endpoint(), table, false));
        assertThat(model.userDetails().bannerProperty().get()).contains("Cognito is not configured");
        assertThat(find("@lenam").sourceList()).hasSize(1); // a seed user nobody messaged yet
        assertThat(model.inbox().users()).extracting(ChatUser::uuid).contains(MARA.uuid(), TOBI.uuid());
    }

    @Test
    void anUnreachableCognitoIsANoteNotAFailure() {
        String down = "http://127.0.0.1:" + LocalDynamo.freePort();
        ConnectionProfile profile = LocalDynamo.profile("people", dynamo.endpoint(), table, false).withCognito(down, "local_pool");
        model.main().connect(profile);
        assertThat(model.main().errorProperty().get()).isNull();
        assertThat(model.conversation().entries()).isNotEmpty();
        assertThat(model.userDetails().bannerProperty().get()).isNotBlank().contains("Cognito");
        assertThat(find("@tobi").userUuid()).isEqualTo(TOBI.uuid());
    }

    @Test
    void aRefreshReadsTheDirectoryAgainSoNewCognitoUsersShowUp() {
        CognitoLocalServer cognito = CognitoLocalServer.get();
        String pool = cognito.createPool();
        model.main().connect(LocalDynamo.profile("people", dynamo.endpoint(), table, false).withCognito(cognito.endpoint().toString(), pool));
        model.inbox().searchProperty().set("latecomer");
        assertThat(model.inbox().matchingPeople()).isEmpty();
        cognito.createUser(pool, "latecomer", "preferred_username", "latecomer", "name", "Late Comer", "email", "late@example.com");
        model.main().refresh();
        assertThat(model.inbox().matchingPeople()).extracting(DirectoryEntry::handle).containsExactly("latecomer");
    }
}
