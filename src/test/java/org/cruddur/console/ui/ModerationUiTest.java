package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.moderation.ModerationLog;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The bubble menu in the real window (headless): opened from the keyboard, Delete's confirmation, the write lock. */
class ModerationUiTest extends ConsoleWindowTest {


    private void launchOn(String table, boolean readOnly) throws Exception {
        Files.createDirectories(dirs.configDir());
        Files.writeString(dirs.profilesFile(), "{\"profiles\": [{\"name\": \"mod\", \"kind\": \"endpoint\", \"endpoint\": \""
                + dynamo.endpoint() + "\", \"table\": \"" + table + "\", \"read_only\": " + readOnly + "}]}");
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(dirs, "mod"));
    }

    private Optional<ContextMenu> bubbleMenu() {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu c && c.isShowing()
                && c.getStyleClass().contains("bubble-menu")).map(w -> (ContextMenu) w).findFirst());
    }

    private MenuItem item(ContextMenu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    /** Selects the newest bubble and opens its menu with Shift+F10, as a keyboard user would. */
    private ContextMenu openMenuOnNewest() throws Exception {
        waitUntil(() -> !messageList().getItems().isEmpty());
        fx(() -> {
            messageList().requestFocus();
            messageList().getSelectionModel().select(messageList().getItems().size() - 1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        waitUntil(() -> bubbleMenu().isPresent());
        return bubbleMenu().orElseThrow();
    }

    @Test
    void deleteFromTheKeyboardMenuConfirmsWhatHappensToTheInboxesAndReloads() throws Exception {
        String table = LocalDynamo.uniqueTable("mod-ui");
        dynamo.seed(table, 2, 20);
        launchOn(table, false);
        ContextMenu menu = openMenuOnNewest();
        assertThat(fx(() -> menu.getItems().stream().map(MenuItem::getText).toList()))
                .containsSubsequence("Copy text", "Copy as JSON", "Edit…", "Delete…");
        assertThat(fx(() -> item(menu, "Delete…").isDisable())).isFalse();
        int before = fx(() -> messageList().getItems().size());
        ThreadEntry previous = fx(() -> messageList().getItems().get(before - 2));
        String group = fx(() -> conversationList().getSelectionModel().getSelectedItem().messageGroupUuid());

        fx(() -> {
            item(menu, "Delete…").fire();
            return null;
        });
        waitUntil(() -> lookup("#deleteInboxEffect").tryQuery().isPresent());
        String effect = fx(() -> ((Label) lookup("#deleteInboxEffect").query()).getText());
        assertThat(effect).startsWith("It is the newest message: both inboxes will show the previous message '")
                .contains(previous.message().message().substring(0, 10));
        Button delete = fx(() -> lookup(".button").match((Button b) -> "Delete".equals(b.getText())).query());
        fx(() -> {
            delete.fire();
            return null;
        });

        waitUntil(() -> messageList().getItems().size() == before - 1);
        assertThat(fx(() -> messageList().getItems().get(before - 2).message().messageUuid())).isEqualTo(previous.message().messageUuid());
        waitUntil(() -> conversationList().getItems().stream().anyMatch(g -> g.messageGroupUuid().equals(group)
                && g.lastMessage().equals(previous.message().message())));
        assertThat(new ModerationLog(dirs.dataDir()).lines()).hasSize(1);
    }

    @Test
    void onAReadOnlyProfileEditAndDeleteAreDisabledWithTheReason() throws Exception {
        String table = LocalDynamo.uniqueTable("mod-ui-ro");
        dynamo.seed(table, 1, 5);
        launchOn(table, true);
        ContextMenu menu = openMenuOnNewest();
        assertThat(fx(() -> item(menu, "Edit…").isDisable())).isTrue();
        assertThat(fx(() -> item(menu, "Delete…").isDisable())).isTrue();
        assertThat(fx(() -> item(menu, "Copy text").isDisable())).isFalse();
        assertThat(fx(() -> menu.getItems().stream().filter(MenuItem::isVisible).map(MenuItem::getText).toList()))
                .contains("Writes are locked on this profile: Writes › Unlock writes… first");
        try (MessagesTable t = dynamo.open(table)) {
            List<MessageRow> rows = t.conversations().all(fx(() -> conversationList().getItems().get(0).messageGroupUuid())).rows();
            assertThat(rows).hasSize(5);
        }
    }
}
