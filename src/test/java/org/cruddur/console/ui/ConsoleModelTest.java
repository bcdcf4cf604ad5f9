package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.main.ConnectionState;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.connection.TableState;
import org.cruddur.console.ui.rawitems.JsonStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view models wired together, without the toolkit, on a real DynamoDB Local. */
class ConsoleModelTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    static final ChatUser INES = SeedUsers.DEFAULT.get(4);

    @TempDir
    Path home;
    LocalDynamo dynamo;
    ConsoleModel model;
    String table;
    ImmediateWork work;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.shared();
        table = LocalDynamo.uniqueTable("vm");
        AppDirectories dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        work = new ImmediateWork();
        model = new ConsoleModel(dirs, work, MainViewModel.defaultOpener(), Runnable::run);
    }

    @AfterEach
    void tearDown() {
        model.main().close();
    }

    private void connect(boolean readOnly) {
        model.main().connect(LocalDynamo.profile("test", dynamo.endpoint(), table, readOnly));
    }

    @Test
    void connectingShowsPeopleTheFirstPersonsConversationsAndOpensTheNewest() {
        dynamo.seed(table, 6, 300);
        connect(false);

        assertThat(model.main().connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.READY);
        assertThat(model.inbox().users()).extracting(ChatUser::handle).contains("mara", "tobi", "lenam", "ravi", "ines");
        assertThat(model.inbox().selectedUserProperty().get()).isEqualTo(MARA);
        List<MessageGroupRow> conversations = model.inbox().conversations();
        assertThat(conversations).hasSize(4).allMatch(g -> g.ownerUuid().equals(MARA.uuid()));
        assertThat(conversations).extracting(MessageGroupRow::lastMessageAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // the newest conversation is open, newest message at the bottom, raw rows one to one with the bubbles
        MessageGroupRow open = model.conversation().conversationProperty().get();
        assertThat(open).isEqualTo(conversations.get(0));
        List<ThreadEntry> entries = model.conversation().entries();
        assertThat(entries).isNotEmpty();
        assertThat(entries).extracting(ThreadEntry::at).isSorted();
        assertThat(entries.get(entries.size() - 1).message().message()).isEqualTo(open.lastMessage());
        assertThat(model.conversation().rawItems().items()).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(model.conversation().rawItems().items().get(i).get("sk").s()).isEqualTo(entries.get(i).message().createdAt());
        }
    }

    @Test
    void searchMatchesHandleDisplayNameOrUuid() {
        dynamo.seed(table, 1, 5);
        connect(false);
        model.inbox().searchProperty().set("@TOB");
        assertThat(model.inbox().matchingPeople()).extracting(DirectoryEntry::userUuid).containsExactly(TOBI.uuid());
        model.inbox().searchProperty().set("duarte");
        assertThat(model.inbox().matchingPeople()).extracting(DirectoryEntry::userUuid).containsExactly(INES.uuid());
        model.inbox().searchProperty().set(MARA.uuid().substring(0, 8));
        assertThat(model.inbox().matchingPeople()).extracting(DirectoryEntry::userUuid).containsExactly(MARA.uuid());
        model.inbox().searchProperty().set("");
        assertThat(model.inbox().matchingPeople()).hasSize(model.inbox().users().size());
    }

    @Test
    void selectingABubbleSelectsItsRawRowAndTheOtherWayRound() {
        dynamo.seed(table, 2, 40);
        connect(false);
        model.conversation().selectedIndexProperty().set(3);
        assertThat(model.conversation().rawItems().selectedIndexProperty().get()).isEqualTo(3);
        assertThat(model.conversation().rawItems().selectedJsonProperty().get())
                .contains("\"S\"").contains(model.conversation().entries().get(3).message().messageUuid());
        model.conversation().rawItems().jsonStyleProperty().set(JsonStyle.PLAIN);
        assertThat(model.conversation().rawItems().selectedJsonProperty().get())
                .doesNotContain("\"S\"").contains("\"message_uuid\" : \"" + model.conversation().entries().get(3).message().messageUuid());
        model.conversation().rawItems().selectedIndexProperty().set(7);
        assertThat(model.conversation().selectedIndexProperty().get()).isEqualTo(7);
    }

    @Test
    void postingIntoAnOlderConversationShowsTheMessageAndMovesItToTheTop() {
        dynamo.seed(table, 6, 120);
        connect(false);
        MessageGroupRow third = model.inbox().conversations().get(2);
        model.inbox().selectedConversationProperty().set(third);
        assertThat(model.conversation().conversationProperty().get()).isEqualTo(third);

        model.composer().textProperty().set("Checking the thread from the console");
        assertThat(model.composer().canSendProperty().get()).isTrue();
        model.composer().send();

        assertThat(model.main().errorProperty().get()).isNull();
        assertThat(model.composer().textProperty().get()).isEmpty();
        List<ThreadEntry> entries = model.conversation().entries();
        ThreadEntry last = entries.get(entries.size() - 1);
        assertThat(last.message().message()).isEqualTo("Checking the thread from the console");
        assertThat(last.message().userUuid()).isEqualTo(MARA.uuid());
        assertThat(model.conversation().isMine(last)).isTrue();
        MessageGroupRow top = model.inbox().conversations().get(0);
        assertThat(top.messageGroupUuid()).isEqualTo(third.messageGroupUuid());
        assertThat(top.lastMessage()).isEqualTo("Checking the thread from the console");
        assertThat(model.inbox().selectedConversationProperty().get().messageGroupUuid()).isEqualTo(third.messageGroupUuid());
    }

    @Test
    void postingToSomeoneNewStartsAConversationThatOpensOnTop() {
        dynamo.seed(table, 1, 10); // only mara and tobi talk
        connect(false);
        model.inbox().selectedUserProperty().set(INES);
        assertThat(model.inbox().conversations()).isEmpty();
        model.composer().recipientProperty().set(TOBI);
        model.composer().textProperty().set("Hello Tobi, first message");
        model.composer().send();

        assertThat(model.main().errorProperty().get()).isNull();
        assertThat(model.inbox().conversations()).hasSize(1);
        MessageGroupRow row = model.inbox().conversations().get(0);
        assertThat(row.otherUserUuid()).isEqualTo(TOBI.uuid());
        assertThat(model.conversation().entries()).extracting(e -> e.message().message()).containsExactly("Hello Tobi, first message");
        assertThat(model.composer().recipientProperty().get()).isNull();
    }

    @Test
    void composerValidatesInlineAndRefusesToSendInvalidText() {
        dynamo.seed(table, 1, 10);
        connect(false);
        model.composer().textProperty().set("   ");
        assertThat(model.composer().problemProperty().get()).isEqualTo("Message is empty");
        assertThat(model.composer().canSendProperty().get()).isFalse();
        model.composer().textProperty().set("x".repeat(1025));
        assertThat(model.composer().problemProperty().get()).contains("too long").contains("1025");
        assertThat(model.composer().counterProperty().get()).isEqualTo("1025 / 1024");
        model.composer().send();
        assertThat(model.main().errorProperty().get()).contains("too long");
        model.composer().textProperty().set("fine");
        assertThat(model.composer().problemProperty().get()).isNull();
        assertThat(model.composer().canSendProperty().get()).isTrue();
    }

    @Test
    void aReadOnlyProfileRefusesToPostUntilUnlocked() {
        dynamo.seed(table, 2, 20);
        connect(true);
        assertThat(model.main().writesAllowedProperty().get()).isFalse();
        MessageGroupRow open = model.conversation().conversationProperty().get();
        int before = model.conversation().entries().size();

        model.composer().textProperty().set("should not be written");
        model.composer().send();
        assertThat(model.main().errorProperty().get()).contains("read-only").contains("post refused").contains("Writes › Unlock writes")
                .doesNotContain("--allow-writes");
        try (MessagesTable t = dynamo.open(table)) {
            assertThat(t.conversations().all(open.messageGroupUuid()).rows()).extracting(MessageRow::message)
                    .doesNotContain("should not be written");
        }
        assertThat(model.conversation().entries()).hasSize(before);

        model.main().unlockWrites();
        assertThat(model.main().writesAllowedProperty().get()).isTrue();
        model.composer().send();
        assertThat(model.conversation().entries().get(model.conversation().entries().size() - 1).message().message())
                .isEqualTo("should not be written");
    }

    @Test
    void switchingProfilesShowsTheOtherTable() {
        dynamo.seed(table, 6, 60);
        String other = LocalDynamo.uniqueTable("vm-other");
        dynamo.seed(other, 1, 3);
        connect(false);
        assertThat(model.inbox().conversations()).hasSize(4);

        model.main().connect(LocalDynamo.profile("other", dynamo.endpoint(), other, false));
        assertThat(model.main().table().session().tableName()).isEqualTo(other);
        assertThat(model.inbox().selectedUserProperty().get()).isEqualTo(MARA); // the same person stays selected
        assertThat(model.inbox().conversations()).hasSize(1);
        assertThat(model.conversation().entries()).hasSize(3);
    }

    @Test
    void anUnreachableEndpointIsReportedAndARefreshRecoversOnceItIsBack() {
        int port = LocalDynamo.freePort();
        String endpoint = "http://127.0.0.1:" + port;
        model.main().connect(LocalDynamo.profile("flaky", endpoint, table, false));
        assertThat(model.main().connectionProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(model.main().errorProperty().get()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        assertThat(model.main().table()).isNull();

        try (LocalDynamo back = LocalDynamo.startAt(port)) {
            back.seed(table, 2, 10);
            model.main().refresh();
            assertThat(model.main().connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(model.main().errorProperty().get()).isNull();
            assertThat(model.inbox().conversations()).hasSize(2);
        }
    }

    @Test
    void aMissingTableIsOfferedDemoDataThatLoadsConversations() {
        connect(false);
        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.MISSING);
        assertThat(model.main().offerDemoDataProperty().get()).isTrue();
        assertThat(model.inbox().conversations()).isEmpty();

        model.main().loadDemoData();
        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.READY);
        assertThat(model.main().offerDemoDataProperty().get()).isFalse();
        assertThat(model.inbox().conversations()).isNotEmpty();
        assertThat(model.conversation().entries()).isNotEmpty();
    }

    @Test
    void theOperationLogListsCallsNewestFirstWithTheirCliCommand() {
        dynamo.seed(table, 1, 5);
        connect(false);
        assertThat(model.operationLog().entries()).isNotEmpty();
        // newest first: the directory's scan for people (last, not to hold up the inbox) comes before the queries
        assertThat(model.operationLog().entries()).extracting(e -> e.operation()).containsSubsequence("Scan", "Query", "Query", "Scan", "ListTables");
        assertThat(model.operationLog().entries()).extracting(e -> e.startedAt()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        model.operationLog().selectedProperty().set(model.operationLog().entries().stream().filter(e -> e.operation().equals("Query")).findFirst().orElseThrow());
        assertThat(model.operationLog().awsCliProperty().get()).startsWith("aws dynamodb query").contains(table);
    }

    @Test
    void adminDropNeedsTheExactTableNameAndThenOffersDemoData() {
        dynamo.seed(table, 1, 5);
        connect(false);
        model.admin().dropConfirmationProperty().set(table + "x");
        assertThat(model.admin().dropConfirmedProperty().get()).isFalse();
        model.admin().dropConfirmationProperty().set(table);
        assertThat(model.admin().dropConfirmedProperty().get()).isTrue();
        model.admin().drop();
        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.MISSING);
        assertThat(model.main().offerDemoDataProperty().get()).isTrue();

        model.admin().loadSchema();
        model.admin().seedConversationsProperty().set(2);
        model.admin().seedMessagesProperty().set(30);
        model.admin().seed();
        assertThat(model.admin().outputProperty().get()).startsWith("Seeded 34 items");
        assertThat(model.admin().seedProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.inbox().conversations()).hasSize(2);
        // the finished seed is announced once, for the window's popup, leading to the conversations
        assertThat(model.main().finishedWork()).hasSize(1).first().satisfies(done -> {
            assertThat(done.title()).isEqualTo("Seed finished");
            assertThat(done.text()).contains("2 conversations with 30 messages").contains(table);
            assertThat(done.place()).isEqualTo(org.cruddur.console.ui.background.WorkDone.Place.MESSAGES);
        });

        model.admin().filterAttributeProperty().set("message");
        model.admin().filterTextProperty().set("no such text anywhere");
        model.admin().scanFirstPage();
        assertThat(model.admin().scanItems().items()).isEmpty();
        model.admin().filterTextProperty().set("");
        model.admin().filterAttributeProperty().set("");
        model.admin().scanFirstPage();
        assertThat(model.admin().scanItems().items()).hasSize(34);
        model.admin().describe();
        assertThat(model.admin().outputProperty().get()).contains("message-group-sk-index").contains("pk HASH");
    }

    @Test
    void countAllShowsItsPaceBesideItsProgressAndWhatItConsumed() {
        dynamo.seed(table, 2, 30);
        connect(false);
        List<String> said = work.messages;
        said.clear();
        model.admin().fullScan();

        // the pace as the Health pane shows it, from the scan's worker threads (segments report in any order)
        assertThat(said).isNotEmpty().allMatch(m -> m.matches("\\d+\\.\\d RCU/s · \\d+\\.\\d RCU consumed"), "a pace");
        double consumed = said.stream().mapToDouble(m -> Double.parseDouble(m.replaceAll(".* · ([0-9.]+) RCU consumed", "$1")))
                .max().orElseThrow();
        assertThat(consumed).isGreaterThan(0);
        assertThat(model.admin().scanStatusProperty().get()).startsWith("Full scan: 34 items read, 34 matched")
                .containsPattern("\\d+\\.\\d RCU consumed, unpaced\\)$");
        assertThat(model.main().finishedWork()).extracting(org.cruddur.console.ui.background.WorkDone::text)
                .containsExactly("34 items read, 34 matched.");
    }

    @Test
    void profileProblemsAndBadProfilesAreShownNotSwallowed() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("config"));
        java.nio.file.Files.writeString(home.resolve("config/profiles.json"),
                "{\"profiles\": [{\"name\": \"ok\", \"kind\": \"endpoint\", \"endpoint\": \"http://localhost:9\"},"
                        + " {\"name\": \"bad\", \"kind\": \"endpoint\", \"endpoint\": \"ftp://x\"}]}");
        model.main().useProfiles(org.cruddur.console.config.ProfileStore.load(home.resolve("config/profiles.json")));
        model.profiles().reload();
        assertThat(model.main().profiles()).extracting(ConnectionProfile::name).containsExactly("embedded", "local", "prod", "ok");
        assertThat(model.profiles().fileProblems()).singleElement().asString().contains("profile #2 'bad'").contains("not an http(s) URL");

        model.profiles().newProfile();
        model.profiles().nameProperty().set("staging eu");
        model.profiles().endpointProperty().set("nope");
        assertThat(model.profiles().formProblemsProperty().get()).anyMatch(p -> p.contains("may only use"))
                .anyMatch(p -> p.contains("not an http(s) URL"));
        model.profiles().nameProperty().set("staging");
        model.profiles().endpointProperty().set("http://localhost:8001");
        model.profiles().readOnlyProperty().set(true);
        assertThat(model.profiles().formProblemsProperty().get()).isEmpty();
        model.profiles().save();
        assertThat(model.main().profiles()).extracting(ConnectionProfile::name).contains("staging");
        assertThat(java.nio.file.Files.readString(home.resolve("config/profiles.json"))).contains("staging").contains("bad");

        model.profiles().delete();
        assertThat(model.main().profiles()).extracting(ConnectionProfile::name).doesNotContain("staging");
    }

    /** Issue 9, defect 5: a seed that finishes at once leaves its progress free, however often it runs. */
    @Test
    void aSeedThatFinishesAtOnceLeavesItsProgressUnbound() {
        dynamo.seed(table, 0, 0);
        connect(false);
        for (int i = 0; i < 3; i++) {
            model.admin().seedConversationsProperty().set(1);
            model.admin().seedMessagesProperty().set(2);
            model.admin().seed();
            assertThat(model.admin().seedingProperty().get()).isFalse();
            assertThat(model.admin().outputProperty().get()).as("seed #" + (i + 1)).startsWith("Seeded ");
            assertThat(model.admin().seedProgressProperty().get()).isEqualTo(1.0);
        }
    }

    /** Issue 9, defect 12: a first start on a missing table offers the demo data, and shows no error beside it. */
    @Test
    void aFirstStartOnAMissingTableShowsOnlyTheOffer() {
        connect(false);
        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.MISSING);
        assertThat(model.main().offerDemoDataProperty().get()).isTrue();
        assertThat(model.main().errorProperty().get()).isNull();
    }

    /** Issue 9, defect 12: loading the demo data clears the "table does not exist" error it made obsolete. */
    @Test
    void aSuccessfulDemoLoadClearsTheMissingTableError() {
        dynamo.seed(table, 1, 4);
        connect(false);
        try (MessagesTable other = dynamo.open(table)) {
            other.schema().drop(table); // dropped behind the console's back
        }
        model.inbox().reloadConversations(null);
        assertThat(model.main().errorProperty().get()).contains("does not exist");
        assertThat(model.main().offerDemoDataProperty().get()).isTrue();

        model.main().loadDemoData();

        assertThat(model.main().tableStateProperty().get()).isEqualTo(TableState.READY);
        assertThat(model.main().errorProperty().get()).isNull();
        assertThat(model.inbox().conversations()).isNotEmpty();
    }

    /** Issue 9, defect 7: a table closed while a page is in flight leaves nothing loading, so Load more works again. */
    @Test
    void closingTheTableWithAPageInFlightLeavesNothingLoading() {
        dynamo.seed(table, 6, 60);
        HeldWork held = new HeldWork();
        ConsoleModel heldModel = new ConsoleModel(new AppDirectories(home.resolve("config2"), home.resolve("data2")), held,
                MainViewModel.defaultOpener(), Runnable::run, 2);
        heldModel.main().connect(LocalDynamo.profile("held", dynamo.endpoint(), table, false));
        held.releaseAll();
        assertThat(heldModel.inbox().conversations()).hasSize(2);
        assertThat(heldModel.inbox().canLoadMoreProperty().get()).isTrue();

        heldModel.inbox().openConversations(TOBI); // its first page is now in flight
        assertThat(heldModel.inbox().loadingProperty().get()).isTrue();
        heldModel.main().connect(LocalDynamo.profile("held", dynamo.endpoint(), table, false)); // the table goes away meanwhile
        assertThat(heldModel.inbox().loadingProperty().get()).as("loading with no table").isFalse();

        held.releaseAll();
        assertThat(heldModel.inbox().loadingProperty().get()).isFalse();
        assertThat(heldModel.inbox().conversations()).isNotEmpty().allMatch(g -> g.ownerUuid().equals(TOBI.uuid()));
        heldModel.main().close();
    }

    /**
     * Issue 9, defect 10: closing the console lets go of the table at once and leaves closing it (for the embedded
     * profile: stopping DynamoDB Local's process, up to seconds) to the closer, never the calling (UI) thread.
     */
    @Test
    void closingTheConsoleLeavesClosingTheTableToTheCloser() {
        dynamo.seed(table, 1, 2);
        java.util.List<Runnable> closer = new java.util.ArrayList<>();
        MainViewModel main = new MainViewModel(new AppDirectories(home.resolve("c3"), home.resolve("d3")), new ImmediateWork(),
                MainViewModel.defaultOpener(), closer::add);
        main.connect(LocalDynamo.profile("closing", dynamo.endpoint(), table, false));
        MessagesTable open = main.table();
        assertThat(open).isNotNull();

        main.close();

        assertThat(main.table()).isNull();
        assertThat(open.schema().exists()).as("still open when close() returned").isTrue();
        assertThat(closer).hasSize(1);
        closer.get(0).run();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open.schema().exists()).as("closed by the closer")
                .isInstanceOf(RuntimeException.class);
    }

    /** Issue 9, defect 9: "DynamoDB Local is missing" is recognised by its type, whatever its message says. */
    @Test
    void aMissingDynamoDbLocalIsRecognisedByItsTypeNotItsMessage() {
        MainViewModel main = new MainViewModel(new AppDirectories(home.resolve("c4"), home.resolve("d4")), new ImmediateWork(),
                (profile, dirs, status) -> {
                    throw new org.cruddur.console.service.dynamodblocal.DynamoDbLocalMissing(
                            "DynamoDB Local is not installed (its license forbids shipping it with the console)");
                });
        main.connect(LocalDynamo.profile("embedded-like", dynamo.endpoint(), table, false));
        assertThat(main.connectionProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(main.dynamoDbLocalMissingProperty().get()).isTrue();
        assertThat(main.errorProperty().get()).startsWith("DynamoDB Local is not installed");
    }
}
