package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.background.WorkDone;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The ControlsFX parts of the real console window (issue 17), on DynamoDB Local in the test JVM: the notification pane
 * for errors, the popup for a finished seed, the clearable search field and the status bar's progress.
 */
class ControlsFxUiTest extends ConsoleWindowTest {

    private void launchOn(String endpoint, String table) throws Exception {
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), "{\"profiles\": [{\"name\": \"cfx\", \"kind\": \"endpoint\", \"endpoint\": \""
                + endpoint + "\", \"table\": \"" + table + "\", \"read_only\": false}]}");
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(dirs, "cfx"));
    }

    private NotificationPane notices() {
        return (NotificationPane) lookup("#notificationPane").query();
    }

    private Button noticeButton(String text) {
        return lookup("#notificationPane .notification-bar .button").match((Button b) -> text.equals(b.getText())).queryButton();
    }

    private boolean errorShown() {
        return fx(() -> notices().isShowing() && notices().getStyleClass().contains("error-notice"));
    }

    private String selectedTab() {
        return fx(() -> ((javafx.scene.control.TabPane) lookup("#tabs").query()).getSelectionModel().getSelectedItem().getId());
    }

    private StatusBar statusBar() {
        return (StatusBar) lookup("#statusBar").query();
    }

    /** The popup (a window of its own) whose title reads {@code title}, if one shows. */
    private java.util.Optional<Node> popupTitled(String title) {
        return lookup(".notification-bar .title").match((Label l) -> title.equals(l.getText()) && l.getScene().getWindow().isShowing())
                .tryQuery();
    }

    @SuppressWarnings("unchecked")
    private void seedFromAdmin(int conversations, int messages) throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> lookup("#seedButton").tryQuery().isPresent() && !lookup("#seedButton").query().isDisabled());
        interact(() -> {
            ((Spinner<Integer>) lookup("#conversationsSpinner").query()).getValueFactory().setValue(conversations);
            ((Spinner<Integer>) lookup("#messagesSpinner").query()).getValueFactory().setValue(messages);
        });
        clickOn("#seedButton");
    }

    @Test
    void aFinishedSeedPopsUpANotificationWhoseActionShowsTheConversations() throws Exception {
        String table = LocalDynamo.uniqueTable("cfx-seed");
        dynamo.seed(table, 1, 3);
        launchOn(dynamo.endpoint(), table);
        waitUntil(() -> conversationList().getItems().size() == 1);
        assertThat(popupTitled("Seed finished")).isEmpty();

        seedFromAdmin(4, 40);
        waitUntil(() -> popupTitled("Seed finished").isPresent());
        Node popup = popupTitled("Seed finished").orElseThrow().getParent();
        String text = fx(() -> ((Label) popup.lookupAll(".label").stream()
                .filter(n -> !n.getStyleClass().contains("title")).findFirst().orElseThrow()).getText());
        assertThat(text).contains("4 conversations with 40 messages").contains(table);
        // announced by the view model, which the window only shows
        WorkDone done = fx(() -> app.model().main().finishedWork().get(app.model().main().finishedWork().size() - 1));
        assertThat(done.place()).isEqualTo(WorkDone.Place.MESSAGES);
        try (MessagesTable t = dynamo.open(table)) {
            // every conversation has one inbox row per participant: 4 conversations, 8 rows (the 1 seeded before included)
            int rows = t.users().seedUsers().stream().mapToInt(u -> t.inbox().page(u.uuid(), 100, null).items().size()).sum();
            assertThat(rows).isEqualTo(8);
        }

        // the window's keyboard still works while the popup shows (ControlsFX's bar would swallow every key)
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> "operationLogTab".equals(selectedTab()));
        assertThat(popupTitled("Seed finished")).isPresent();

        Button show = fx(() -> (Button) popup.lookupAll(".button").stream()
                .filter(b -> b instanceof Button btn && "Show conversations".equals(btn.getText())).findFirst().orElseThrow());
        clickOn(show);
        waitUntil(() -> "messagesTab".equals(selectedTab()));
        waitUntil(() -> popupTitled("Seed finished").isEmpty()); // followed: the popup closed

        // the keyboard's way to the same result (the popup's buttons are for the mouse): Console › Open the newest result
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> "operationLogTab".equals(selectedTab()));
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> "messagesTab".equals(selectedTab()));
    }

    @Test
    void theNotificationPaneShowsAnErrorWithRetryAndDismissAndRetryReconnects() throws Exception {
        int port = LocalDynamo.freePort();
        String table = LocalDynamo.uniqueTable("cfx-down");
        launchOn("http://127.0.0.1:" + port, table);
        waitUntil(this::errorShown);
        assertThat(fx(() -> notices().getText())).isNotBlank().doesNotContain("\n");
        assertThat(noticeButton("Retry").isVisible()).isTrue();
        assertThat(noticeButton("Dismiss").isVisible()).isTrue();
        // the bar pushes the panes down rather than covering the people search
        waitUntil(() -> ((javafx.scene.layout.Region) lookup("#notifiedContent").query()).getPadding().getTop() >= 30);

        // ControlsFX's bar swallows every key pressed inside it: with the focus on Retry the window's shortcuts still work
        interact(() -> noticeButton("Retry").requestFocus());
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> "adminTab".equals(selectedTab()));
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> "messagesTab".equals(selectedTab()));

        clickOn(noticeButton("Dismiss"));
        waitUntil(() -> !notices().isShowing());
        assertThat(fx(() -> app.model().main().errorProperty().get())).isNull();

        press(KeyCode.F5).release(KeyCode.F5); // still down: the error comes back
        waitUntil(this::errorShown);

        try (LocalDynamo back = LocalDynamo.startAt(port)) {
            back.seed(table, 2, 10);
            clickOn(noticeButton("Retry"));
            waitUntil(() -> "Connected".equals(((Label) lookup("#connectionLabel").query()).getText()));
            waitUntil(() -> !conversationList().getItems().isEmpty());
            assertThat(fx(() -> notices().isShowing())).isFalse();
        }
    }

    /** ControlsFX's switch flips only on its track and with Space; the console's flips on its caption too. */
    @Test
    void theDarkSwitchFlipsByClickAndBySpaceAndFollowsTheMenu() throws Exception {
        String table = LocalDynamo.uniqueTable("cfx-switch");
        dynamo.seed(table, 1, 3);
        launchOn(dynamo.endpoint(), table);
        waitUntil(() -> conversationList().getItems().size() == 1);
        java.util.concurrent.Callable<Boolean> dark = () -> app.stage().getScene().getStylesheets().stream().anyMatch(css -> css.endsWith("dark.css"));
        assertThat(fx(dark)).isFalse();

        clickOn(lookup("#darkSwitch .label").queryAs(Node.class)); // its caption, "Dark"
        waitUntil(dark);
        interact(() -> lookup("#darkSwitch").query().requestFocus());
        press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitUntil(() -> !dark.call());
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(dark);
        assertThat(fx(() -> ((org.controlsfx.control.ToggleSwitch) lookup("#darkSwitch").query()).isSelected())).isTrue();
    }

    @Test
    void theClearButtonOfThePeopleSearchEmptiesIt() throws Exception {
        String table = LocalDynamo.uniqueTable("cfx-clear");
        dynamo.seed(table, 6, 30);
        launchOn(dynamo.endpoint(), table);
        waitUntil(() -> !conversationList().getItems().isEmpty());
        javafx.scene.control.ListView<?> people = (javafx.scene.control.ListView<?>) lookup("#userList").query();
        int everyone = fx(() -> people.getItems().size());

        clickOn("#userSearch").write("duarte");
        waitUntil(() -> people.getItems().size() == 1);
        clickOn(lookup("#userSearch .clear-button").queryAs(Node.class));
        waitUntil(() -> ((TextField) lookup("#userSearch").query()).getText().isEmpty());
        assertThat(fx(() -> app.model().inbox().searchProperty().get())).isEmpty();
        waitUntil(() -> people.getItems().size() == everyone);
    }

    /** The composer's recipient list narrows as one types (ControlsFX SearchableComboBox), by keyboard only; Enter takes the match. */
    @Test
    void typingInTheRecipientListNarrowsItAndEnterChoosesTheMatch() throws Exception {
        String table = LocalDynamo.uniqueTable("cfx-recipient");
        dynamo.seed(table, 6, 30);
        launchOn(dynamo.endpoint(), table);
        waitUntil(() -> !conversationList().getItems().isEmpty());

        interact(() -> lookup("#recipientBox").query().requestFocus());
        press(KeyCode.DOWN).release(KeyCode.DOWN); // opens the list with its search field focused
        write("duarte");
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> app.model().composer().recipientProperty().get() != null);
        assertThat(fx(() -> app.model().composer().recipientProperty().get().uuid())).isEqualTo(ConsoleModelTest.INES.uuid());
    }

    @Test
    void theStatusBarShowsProgressWhileBusyAndNoneOnceIdle() throws Exception {
        String table = LocalDynamo.uniqueTable("cfx-busy");
        dynamo.seed(table, 1, 3);
        launchOn(dynamo.endpoint(), table);
        waitUntil(() -> conversationList().getItems().size() == 1);
        waitUntil(() -> statusBar().getProgress() == 0);
        assertThat(lookup("#statusBar .progress-bar").match(Node::isVisible).tryQuery()).isEmpty();

        seedFromAdmin(50, 100_000); // long enough to be seen running; cancelled below
        waitUntil(() -> statusBar().getProgress() != 0 && lookup("#statusBar .progress-bar").match(Node::isVisible).tryQuery().isPresent());
        assertThat(fx(() -> ((ProgressBar) lookup("#statusBar .progress-bar").query()).getProgress())).isNotEqualTo(0.0);
        assertThat(lookup("#statusBar .work-title").match((Label l) -> "Seeding".equals(l.getText())).tryQuery()).isPresent();

        clickOn("#cancelSeedButton");
        waitUntil(() -> statusBar().getProgress() == 0);
        waitUntil(() -> lookup("#statusBar .progress-bar").match(Node::isVisible).tryQuery().isEmpty());
        assertThat(fx(() -> app.model().main().finishedWork())).isEmpty(); // a cancelled seed is not announced as finished
    }
}
