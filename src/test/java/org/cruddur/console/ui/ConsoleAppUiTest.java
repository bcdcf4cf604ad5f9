package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window driven end to end (headless, Monocle) on DynamoDB Local running in the test JVM. */
class ConsoleAppUiTest extends ConsoleWindowTest {


    private void writeProfiles(String... entries) throws Exception {
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), "{\"profiles\": [" + String.join(",", entries) + "]}");
    }

    private static String profile(String name, String endpoint, String table, boolean readOnly) {
        return "{\"name\": \"" + name + "\", \"kind\": \"endpoint\", \"endpoint\": \"" + endpoint + "\", \"table\": \"" + table
                + "\", \"read_only\": " + readOnly + "}";
    }

    private void launch(String profileName) throws Exception {
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(dirs, profileName));
    }

    private void launch(String profileName, int inboxPageSize) throws Exception {
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(dirs, profileName,
                org.cruddur.console.ui.main.MainViewModel.defaultOpener(), inboxPageSize));
    }

    @SuppressWarnings("unchecked")
    private TableView<?> threadRawTable() {
        Parent host = (Parent) lookup("#rawItemsHost").query();
        return (TableView<?>) host.lookup("#itemTable");
    }

    @SuppressWarnings("unchecked")
    private ListView<org.cruddur.console.service.users.DirectoryEntry> userList() {
        return (ListView<org.cruddur.console.service.users.DirectoryEntry>) lookup("#userList").query();
    }

    private Label label(String id) {
        return (Label) lookup(id).query();
    }

    private org.controlsfx.control.NotificationPane notices() {
        return (org.controlsfx.control.NotificationPane) lookup("#notificationPane").query();
    }

    /** The error line's text, null while the notification pane shows no error. */
    private String errorShown() {
        return fx(() -> notices().isShowing() && notices().getStyleClass().contains("error-notice") ? notices().getText() : null);
    }

    private Node conversationCell(int index) {
        return lookup("#conversationList .list-cell").match((ListCell<?> c) -> c.getIndex() == index && c.getItem() != null).query();
    }

    private String lastMessageText() {
        List<ThreadEntry> items = messageList().getItems();
        return items.isEmpty() ? null : items.get(items.size() - 1).message().message();
    }

    @Test
    void pickAPersonOpenAConversationSeeBubblesAndRawRowsPostAndSeeItMoveToTheTop() throws Exception {
        String table = LocalDynamo.uniqueTable("ui");
        dynamo.seed(table, 6, 120);
        writeProfiles(profile("ui-a", dynamo.endpoint(), table, false));
        launch("ui-a");

        waitUntil(() -> conversationList().getItems().size() == 4); // mara's, selected first
        clickOn("#userSearch").write("tobi").type(KeyCode.ENTER);
        waitUntil(() -> conversationList().getItems().size() == 3
                && conversationList().getItems().get(0).ownerUuid().equals(ConsoleModelTest.TOBI.uuid()));

        MessageGroupRow last = fx(() -> conversationList().getItems().get(2));
        clickOn(conversationCell(2));
        waitUntil(() -> !messageList().getItems().isEmpty()
                && messageList().getItems().get(0).message().messageGroupUuid().equals(last.messageGroupUuid()));
        assertThat(label("#conversationTitle").getText()).contains(last.otherUserDisplayName());

        // bubbles on both sides, and the raw rows behind them one to one
        assertThat(lookup(".bubble-mine").queryAll()).isNotEmpty();
        assertThat(lookup(".bubble-theirs").queryAll()).isNotEmpty();
        assertThat(lookup(".bubble-text").match((Label l) -> l.getText().equals(last.lastMessage())).tryQuery()).isPresent();
        assertThat(fx(() -> threadRawTable().getItems().size())).isEqualTo(fx(() -> messageList().getItems().size()));
        interact(() -> messageList().scrollTo(0)); // the oldest message opens its day
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".day-separator").match((Label l) -> l.isVisible() && !l.getText().isEmpty()).queryAll()).isNotEmpty();

        // a bubble selects its raw row
        interact(() -> messageList().scrollTo(messageList().getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        Node bubble = lookup(".bubble-theirs").query();
        clickOn(bubble);
        waitUntil(() -> messageList().getSelectionModel().getSelectedIndex() >= 0
                && threadRawTable().getSelectionModel().getSelectedIndex() == messageList().getSelectionModel().getSelectedIndex());
        assertThat(((javafx.scene.control.TextArea) ((Parent) lookup("#rawItemsHost").query()).lookup("#jsonText")).getText())
                .contains("\"message_uuid\"").contains("{\n");

        clickOn("#messageText").write("Posted from the UI test");
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);

        waitUntil(() -> "Posted from the UI test".equals(lastMessageText()));
        waitUntil(() -> conversationList().getItems().get(0).messageGroupUuid().equals(last.messageGroupUuid())
                && "Posted from the UI test".equals(conversationList().getItems().get(0).lastMessage()));
        assertThat(fx(() -> conversationList().getSelectionModel().getSelectedItem().messageGroupUuid())).isEqualTo(last.messageGroupUuid());
        assertThat(fx(() -> threadRawTable().getItems().size())).isEqualTo(fx(() -> messageList().getItems().size()));
        try (MessagesTable t = dynamo.open(table)) {
            assertThat(t.conversations().newest(last.messageGroupUuid()).rows().get(0).message()).isEqualTo("Posted from the UI test");
        }
    }

    @Test
    void switchingProfileShowsTheOtherTableAndTheThemeIsRemembered() throws Exception {
        String tableA = LocalDynamo.uniqueTable("ui-a");
        String tableB = LocalDynamo.uniqueTable("ui-b");
        dynamo.seed(tableA, 6, 60);
        dynamo.seed(tableB, 1, 3);
        writeProfiles(profile("ui-a", dynamo.endpoint(), tableA, false), profile("ui-b", dynamo.endpoint(), tableB, false));
        launch("ui-a");
        waitUntil(() -> conversationList().getItems().size() == 4);

        clickOn("#profileBox");
        clickOn(lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("ui-b")).queryAs(Node.class));
        waitUntil(() -> conversationList().getItems().size() == 1 && messageList().getItems().size() == 3);
        assertThat(app.stage().getTitle()).contains("ui-b").contains(tableB);
        assertThat(label("#tableLabel").getText()).contains(tableB);

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> app.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));

        FxToolkit.cleanupApplication(app);
        app = null;
        String saved = Files.readString(dirs.preferencesFile());
        assertThat(saved).contains("\"theme\" : \"DARK\"").contains("\"last_profile\" : \"ui-b\"")
                .contains("\"last_user\" : \"" + ConsoleModelTest.MARA.uuid() + "\"").contains("\"width\"");
    }

    @Test
    void aReadOnlyProfileRefusesToPostUntilWritesAreUnlocked() throws Exception {
        String table = LocalDynamo.uniqueTable("ui-ro");
        dynamo.seed(table, 2, 20);
        writeProfiles(profile("ui-ro", dynamo.endpoint(), table, true));
        launch("ui-ro");
        waitUntil(() -> !messageList().getItems().isEmpty());
        assertThat(label("#writesBadge").getText()).isEqualTo("READ-ONLY");
        assertThat(((HBox) lookup("#topBar").query()).getStyleClass()).contains("profile-read-only");
        String group = fx(() -> messageList().getItems().get(0).message().messageGroupUuid());

        clickOn("#messageText").write("Not while read-only");
        clickOn("#sendButton");
        waitUntil(() -> errorShown() != null && errorShown().contains("read-only"));
        assertThat(errorShown()).doesNotContain("\n").doesNotContain("Exception");
        try (MessagesTable t = dynamo.open(table)) {
            assertThat(t.conversations().all(group).rows()).extracting(MessageRow::message).doesNotContain("Not while read-only");
        }

        clickOn("#writesSwitch");
        clickOn(lookup("#confirmUnlock").queryAs(Node.class));
        waitUntil(() -> "WRITES UNLOCKED".equals(label("#writesBadge").getText()));
        clickOn("#sendButton");
        waitUntil(() -> "Not while read-only".equals(lastMessageText()));
    }

    @Test
    void anUnreachableEndpointShowsAnErrorAndTheConsoleRecoversWhenItIsBack() throws Exception {
        int port = LocalDynamo.freePort();
        String table = LocalDynamo.uniqueTable("ui-down");
        writeProfiles(profile("ui-down", "http://127.0.0.1:" + port, table, false));
        launch("ui-down");
        waitUntil(() -> "Connection failed".equals(label("#connectionLabel").getText()) && errorShown() != null);
        String error = errorShown();
        assertThat(error).isNotBlank().doesNotContain("\n").doesNotContain("\tat ");

        // still usable: the menus and the search box work while disconnected
        clickOn("#userSearch").write("ma");
        try (LocalDynamo back = LocalDynamo.startAt(port)) {
            back.seed(table, 6, 60);
            clickOn(lookup("#notificationPane .notification-bar .button").match((javafx.scene.control.Button b) -> "Retry".equals(b.getText())).queryButton());
            waitUntil(() -> "Connected".equals(label("#connectionLabel").getText()));
            waitUntil(() -> !conversationList().getItems().isEmpty() && !messageList().getItems().isEmpty());
            assertThat(fx(() -> notices().isShowing())).isFalse();
        }
    }

    @Test
    void aMissingTableOffersTheSchemaAndDemoDataSoANewcomerSeesConversations() throws Exception {
        String table = LocalDynamo.uniqueTable("ui-new");
        writeProfiles(profile("ui-new", dynamo.endpoint(), table, false));
        launch("ui-new");
        waitUntil(() -> notices().isShowing() && notices().getStyleClass().contains("offer-notice"));
        assertThat(fx(() -> notices().getText())).contains("does not exist");
        clickOn(lookup("#notificationPane .notification-bar .demo-action").queryButton());
        waitUntil(() -> !conversationList().getItems().isEmpty() && !messageList().getItems().isEmpty());
        assertThat(fx(() -> notices().isShowing())).isFalse();
        assertThat(lookup(".bubble").queryAll()).isNotEmpty();
        // the operation log loads when first shown (Ctrl+3) and holds the calls made before that
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> lookup("#operationLogHost .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null)
                .queryAll().size() > 0);
    }

    @Test
    void loadMoreReadsTheNextInboxPageAndTheDetailsPaneOpensAPersonsConversationsOrWritesToThem() throws Exception {
        String table = LocalDynamo.uniqueTable("ui-people");
        dynamo.seed(table, 6, 60);
        writeProfiles(profile("ui-people", dynamo.endpoint(), table, false));
        launch("ui-people", 3); // mara has 4 conversations: two pages, and the first one fits the list (no scrolling)

        waitUntil(() -> conversationList().getItems().size() == 3 && lookup("#loadMoreButton").query().isVisible());
        clickOn("#loadMoreButton");
        waitUntil(() -> conversationList().getItems().size() == 4);
        waitUntil(() -> !lookup("#loadMoreButton").query().isVisible());

        // pick Inês in the people list: her details show, the inbox stays mara's
        clickOn("#userSearch").write("duarte");
        waitUntil(() -> userList().getItems().size() == 1);
        clickOn(lookup("#userList .list-cell").match((ListCell<?> c) -> c.getItem() != null).queryAs(Node.class));
        waitUntil(() -> label("#titleLabel").getText().contains("@ines"));
        waitUntil(() -> label("#bannerLabel").getText() != null && label("#bannerLabel").getText().contains("Cognito is not configured"));
        assertThat(((javafx.scene.control.TextField) lookup("#uuidField").query()).getText()).isEqualTo(ConsoleModelTest.INES.uuid());
        assertThat(((javafx.scene.control.TextField) lookup("#sourcesField").query()).getText()).contains("seed users");
        assertThat(fx(() -> conversationList().getItems().get(0).ownerUuid())).isEqualTo(ConsoleModelTest.MARA.uuid());

        clickOn("#startConversationButton");
        waitUntil(() -> label("#targetLabel").getText().contains("As Mara") && label("#targetLabel").getText().contains("to Inês"));

        clickOn("#openConversationsButton");
        waitUntil(() -> !conversationList().getItems().isEmpty()
                && conversationList().getItems().get(0).ownerUuid().equals(ConsoleModelTest.INES.uuid()));
        assertThat(lookup("#startConversationButton").query().isDisabled()).isTrue(); // Inês now writes
    }

    /**
     * Issue 9, defects 9 and 11: Console › Show log shows the log file of the data folder, and a preferences file that
     * cannot be saved at exit is written to that log instead of being swallowed.
     */
    @Test
    void showLogShowsTheLogAndAFailedPreferencesSaveAtExitIsLogged() throws Exception {
        String table = LocalDynamo.uniqueTable("ui-log");
        dynamo.seed(table, 1, 3);
        writeProfiles(profile("ui-log", dynamo.endpoint(), table, false));
        Path log = dirs.dataDir().resolve("logs/console-0.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "2026-12-01T10:00:00Z INFO [main] earlier run: a line from before\n");
        launch("ui-log");
        waitUntil(() -> conversationList().getItems().size() == 1);

        javafx.scene.control.MenuItem showLog = fx(() -> ((javafx.scene.control.MenuBar) lookup(".menu-bar").query()).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "Show _log".equals(i.getText())).findFirst().orElseThrow());
        interact(showLog::fire);
        waitUntil(() -> lookup("#logText").tryQuery().isPresent()
                && ((javafx.scene.control.TextArea) lookup("#logText").query()).getText().contains("a line from before"));

        // preferences.json can no longer be replaced: a folder with something in it took its place
        Files.createDirectories(dirs.preferencesFile().resolve("blocked"));
        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(Files.readString(log)).contains("WARNING").contains("Cannot save " + dirs.preferencesFile());
    }

    /** Ctrl+K is people search now; Ctrl+F finds in the open conversation and opens the newest match selected. */
    @Test
    void ctrlKSearchesPeopleAndCtrlFFindsInTheConversation() throws Exception {
        String table = LocalDynamo.uniqueTable("ui-find");
        dynamo.seed(table, 6, 120);
        writeProfiles(profile("ui-find", dynamo.endpoint(), table, false));
        launch("ui-find");
        waitUntil(() -> !messageList().getItems().isEmpty());

        press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> lookup("#userSearch").query().isFocused());
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> lookup("#findField").query().isFocused());
        write("demo").type(KeyCode.ENTER);
        waitUntil(() -> label("#findStatusLabel").getText().endsWith("matches") || label("#findStatusLabel").getText().endsWith("match"));
        waitUntil(() -> messageList().getSelectionModel().getSelectedIndex() >= 0);
        String selected = fx(() -> messageList().getSelectionModel().getSelectedItem().message().message());
        assertThat(selected).containsAnyOf("demo", "Demo", "DEMO");
        assertThat(fx(() -> threadRawTable().getSelectionModel().getSelectedIndex()))
                .isEqualTo(fx(() -> messageList().getSelectionModel().getSelectedIndex()));
    }
}
