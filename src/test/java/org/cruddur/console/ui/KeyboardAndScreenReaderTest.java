package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.keys.Shortcut;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console for people who work by keyboard and screen reader: the main path with keys only, what the assistive
 * technology is told for bubbles and rows, text that grows with Ctrl+plus, and the one table of shortcuts behind the
 * menus and the Help sheet. Real window (Monocle), real DynamoDB Local.
 */
class KeyboardAndScreenReaderTest extends ConsoleWindowTest {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private void writeProfile(String name, String table) throws Exception {
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), "{\"profiles\": [{\"name\": \"" + name + "\", \"kind\": \"endpoint\", \"endpoint\": \""
                + dynamo.endpoint() + "\", \"table\": \"" + table + "\", \"read_only\": false}]}");
    }

    private void launch(String profileName) throws Exception {
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(dirs, profileName));
    }

    private void keys(KeyCode... codes) {
        press(codes);
        KeyCode[] reversed = new KeyCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            reversed[i] = codes[codes.length - 1 - i];
        }
        release(reversed);
    }

    private Node focusOwner() {
        return fx(() -> app.stage().getScene().getFocusOwner());
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private String lastMessageText() {
        List<ThreadEntry> items = messageList().getItems();
        return items.isEmpty() ? null : items.get(items.size() - 1).message().message();
    }

    private TabPane tabs() {
        return (TabPane) lookup("#tabs").query();
    }

    @Test
    void theMainPathWorksWithTheKeyboardAlone() throws Exception {
        String table = LocalDynamo.uniqueTable("keys");
        dynamo.seed(table, 6, 120);
        writeProfile("keys", table);
        launch("keys");
        waitUntil(() -> conversationList().getItems().size() == 4);

        // find a person: Ctrl+K, type, Enter opens their conversations
        keys(KeyCode.CONTROL, KeyCode.K);
        waitUntil(() -> lookup("#userSearch").query().isFocused());
        write("tobi").type(KeyCode.ENTER);
        waitUntil(() -> conversationList().getItems().size() == 3
                && conversationList().getItems().get(0).ownerUuid().equals(ConsoleModelTest.TOBI.uuid()));

        // Tab on to the conversation list, End picks the last (oldest) conversation, which opens
        for (int i = 0; i < 6 && focusOwner() != conversationList(); i++) {
            type(KeyCode.TAB);
        }
        assertThat(focusOwner()).as("Tab reaches the conversation list").isSameAs(conversationList());
        MessageGroupRow oldest = fx(() -> conversationList().getItems().get(2));
        type(KeyCode.END);
        waitUntil(() -> !messageList().getItems().isEmpty()
                && messageList().getItems().get(0).message().messageGroupUuid().equals(oldest.messageGroupUuid()));

        // write and send: Ctrl+M, type, Ctrl+Enter
        keys(KeyCode.CONTROL, KeyCode.M);
        waitUntil(() -> lookup("#messageText").query().isFocused());
        write("Sent with the keyboard alone");
        keys(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(() -> "Sent with the keyboard alone".equals(lastMessageText()));
        try (MessagesTable t = dynamo.open(table)) {
            assertThat(t.conversations().newest(oldest.messageGroupUuid()).rows().get(0).message()).isEqualTo("Sent with the keyboard alone");
        }

        // Tab leaves the message field (a text area would type a tab into it)
        keys(KeyCode.CONTROL, KeyCode.M);
        waitUntil(() -> lookup("#messageText").query().isFocused());
        type(KeyCode.TAB);
        waitUntil(() -> !lookup("#messageText").query().isFocused());
        assertThat(fx(() -> ((javafx.scene.control.TextArea) lookup("#messageText").query()).getText())).isEmpty();

        // Admin: Ctrl+2 brings it forward and the keyboard with it
        keys(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> tabs().getSelectionModel().getSelectedItem().getId().equals("adminTab"));
        waitUntil(() -> inside(app.stage().getScene().getFocusOwner(), lookup("#adminHost").query()));

        // Admin › Health: Ctrl+4 lands on Run check; Space presses it
        keys(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(() -> tabs().getSelectionModel().getSelectedItem().getId().equals("healthTab"));
        waitUntil(() -> focusOwner() == lookup("#checkButton").query());
        type(KeyCode.SPACE);
        waitUntil(() -> app.model().health().reportProperty().get() != null);
        assertThat(fx(() -> ((Label) lookup("#healthHost #statusLabel").query()).getText())).contains("conversations");
        assertThat(app.model().health().reportProperty().get().conversations()).isEqualTo(6);
    }

    @Test
    void bubblesRawRowsAndConversationRowsTellScreenReadersWhatTheyShow() throws Exception {
        String table = LocalDynamo.uniqueTable("spoken");
        dynamo.seed(table, 6, 60);
        writeProfile("spoken", table);
        launch("spoken");
        waitUntil(() -> conversationList().getItems().size() == 4 && !messageList().getItems().isEmpty());
        waitUntil(() -> !lookup("#rawItemsHost .table-row-cell").match((TableRow<?> r) -> r.getItem() != null).queryAll().isEmpty());

        // every bubble in view: "<sender's name>, <local time>, <local date>: <text>"
        List<ListCell<?>> bubbles = new ArrayList<>(lookup(".bubble-cell").match((ListCell<?> c) -> c.getItem() != null).queryAll());
        assertThat(bubbles).isNotEmpty();
        for (ListCell<?> cell : bubbles) {
            ThreadEntry e = (ThreadEntry) fx(cell::getItem);
            ZonedDateTime at = Timestamps.parse(e.message().createdAt()).atZone(ZoneId.systemDefault());
            String date = at.getDayOfMonth() + " " + at.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + (at.getYear() == ZonedDateTime.now().getYear() ? "" : " " + at.getYear());
            assertThat(fx(cell::getAccessibleText)).isEqualTo(e.message().userDisplayName() + ", " + CLOCK.format(at) + ", " + date
                    + ": " + e.message().message());
        }

        // every raw-item row: its pk and sk
        List<TableRow<?>> rows = new ArrayList<>(lookup("#rawItemsHost .table-row-cell").match((TableRow<?> r) -> r.getItem() != null).queryAll());
        assertThat(rows).isNotEmpty();
        for (TableRow<?> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, AttributeValue> item = (Map<String, AttributeValue>) fx(row::getItem);
            assertThat(fx(row::getAccessibleText)).startsWith("pk " + item.get("pk").s() + ", sk " + item.get("sk").s() + ", ")
                    .endsWith(item.size() + " attributes");
        }

        // every conversation row: the other person, when, the last message
        List<ListCell<?>> conversations = new ArrayList<>(lookup("#conversationList .list-cell").match((ListCell<?> c) -> c.getItem() != null).queryAll());
        assertThat(conversations).hasSize(4);
        for (ListCell<?> cell : conversations) {
            MessageGroupRow g = (MessageGroupRow) fx(cell::getItem);
            assertThat(fx(cell::getAccessibleText)).startsWith(g.otherUserDisplayName() + ", last message ")
                    .endsWith(": " + g.lastMessage().replace('\n', ' '));
        }

        // no button is silent: each has words, on it or for the screen reader
        List<Button> silent = fx(() -> lookup(".button").match((Button b) -> b.isVisible()
                && (b.getText() == null || b.getText().isBlank() || !b.getText().matches(".*\\p{L}.*"))
                && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())).queryAll().stream().map(n -> (Button) n).toList());
        assertThat(silent).as("buttons without words").isEmpty();
    }

    @Test
    void ctrlPlusAndMinusScaleTheWholeConsoleTheSizeIsRememberedAndCtrl0Resets() throws Exception {
        String table = LocalDynamo.uniqueTable("text");
        dynamo.seed(table, 1, 3);
        writeProfile("text", table);
        launch("text");
        waitUntil(() -> !messageList().getItems().isEmpty());
        Label title = (Label) lookup("#conversationTitle").query();
        double normal = fx(() -> title.getFont().getSize());

        keys(KeyCode.CONTROL, KeyCode.EQUALS);
        waitUntil(() -> app.stage().getScene().getRoot().getStyle().contains("14.30px"));
        keys(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        waitUntil(() -> app.stage().getScene().getRoot().getStyle().contains("16.25px"));
        keys(KeyCode.CONTROL, KeyCode.ADD);
        waitUntil(() -> app.stage().getScene().getRoot().getStyle().contains("19.50px"));
        // the text follows the root: 150 % of what it was (the stylesheets size text in em)
        waitUntil(() -> Math.abs(title.getFont().getSize() - normal * 1.5) < 0.2);
        keys(KeyCode.CONTROL, KeyCode.MINUS);
        waitUntil(() -> app.stage().getScene().getRoot().getStyle().contains("16.25px"));
        waitUntil(() -> Math.abs(title.getFont().getSize() - normal * 1.25) < 0.2);

        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(Files.readString(dirs.preferencesFile())).contains("\"text_size\" : 125");

        launch("text");
        waitUntil(() -> !messageList().getItems().isEmpty());
        assertThat(fx(() -> app.stage().getScene().getRoot().getStyle())).contains("16.25px");
        keys(KeyCode.CONTROL, KeyCode.DIGIT0);
        waitUntil(() -> app.stage().getScene().getRoot().getStyle().contains("13.00px"));
        Label titleAgain = (Label) lookup("#conversationTitle").query();
        waitUntil(() -> Math.abs(titleAgain.getFont().getSize() - normal) < 0.2);
    }

    @Test
    void everyKeyInTheMenusAndOnTheSceneComesFromTheTableAndTheHelpSheetListsTheWholeTable() throws Exception {
        String table = LocalDynamo.uniqueTable("sheet");
        dynamo.seed(table, 1, 3);
        writeProfile("sheet", table);
        launch("sheet");
        waitUntil(() -> !messageList().getItems().isEmpty());

        Set<KeyCombination> tableKeys = new HashSet<>(Shortcut.allKeys().toList());
        List<MenuItem> items = new ArrayList<>();
        fx(() -> {
            ((MenuBar) lookup("#menuBar").query()).getMenus().forEach(m -> collect(m, items));
            return null;
        });
        List<KeyCombination> menuKeys = items.stream().map(MenuItem::getAccelerator).filter(k -> k != null).toList();
        assertThat(menuKeys).as("menu accelerators").isNotEmpty();
        assertThat(tableKeys).as("every menu accelerator is in the table").containsAll(menuKeys);
        Scene scene = app.stage().getScene();
        assertThat(tableKeys).as("every scene accelerator is in the table").containsAll(fx(() -> List.copyOf(scene.getAccelerators().keySet())));
        for (Shortcut s : Shortcut.values()) {
            if (s.menuItemId() != null) {
                MenuItem item = items.stream().filter(i -> s.menuItemId().equals(i.getId())).findFirst().orElseThrow();
                assertThat(item.getAccelerator()).as(s + " installed on its menu item").isEqualTo(s.primary());
                s.alternates().forEach(k -> assertThat(scene.getAccelerators()).as(s + " also on " + k).containsKey(k));
            }
        }

        // F1 opens Help › Keyboard shortcuts, made from the same table
        keys(KeyCode.F1);
        waitUntil(() -> sheet() != null);
        Parent sheet = fx(() -> sheet().getScene().getRoot());
        for (Shortcut s : Shortcut.values()) {
            Label keys = (Label) fx(() -> sheet.lookup("#keys-" + s.name()));
            assertThat(keys).as(s.name() + " listed").isNotNull();
            assertThat(keys.getText()).isEqualTo(String.join("\n", s.keyTexts()));
            assertThat(fx(() -> sheet.lookupAll(".shortcut-description").stream()
                    .anyMatch(n -> ((Label) n).getText().equals(s.description())))).as(s.description()).isTrue();
        }
        assertThat(fx(() -> sheet.lookupAll(".shortcut-group").size())).isEqualTo(Shortcut.Group.values().length);
        type(KeyCode.ESCAPE);
        waitUntil(() -> sheet() == null);
    }

    private static Stage sheet() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && "Keyboard shortcuts".equals(st.getTitle()) && w.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static void collect(MenuItem item, List<MenuItem> into) {
        into.add(item);
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> collect(i, into));
        }
    }
}
