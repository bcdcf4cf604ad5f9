package org.cruddur.console.ui.moderation;

import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.conversation.MessageTimes;
import org.cruddur.console.ui.conversation.ThreadEntry;

/**
 * The context menu of a thread bubble (right-click, the context-menu key or Shift+F10 on the selected bubble):
 * Copy text, Copy as JSON, Edit…, Delete…. Edit and Delete say why they are disabled while writes are locked.
 */
public final class BubbleMenu extends ContextMenu {

    private final ModerationViewModel vm;
    private final ConversationViewModel thread;
    private final MessageTimes times;
    private final MenuItem copyText = new MenuItem("Copy text");
    private final MenuItem copyJson = new MenuItem("Copy as JSON");
    private final MenuItem edit = new MenuItem("Edit…");
    private final MenuItem delete = new MenuItem("Delete…");
    private final MenuItem locked = new MenuItem();

    public BubbleMenu(ModerationViewModel vm, ConversationViewModel thread, MessageTimes times) {
        this.vm = vm;
        this.thread = thread;
        this.times = times;
        getStyleClass().add("bubble-menu");
        locked.setDisable(true);
        locked.getStyleClass().add("moderation-locked");
        getItems().setAll(copyText, copyJson, new SeparatorMenuItem(), edit, delete, locked);
        copyText.setOnAction(e -> copy(selected().message().message()));
        copyJson.setOnAction(e -> copy(SdkJson.pretty(SdkJson.plainJson(selected().item()))));
        edit.setOnAction(e -> edit());
        delete.setOnAction(e -> delete());
        setOnShowing(e -> update());
    }

    private ThreadEntry selected() {
        int i = thread.selectedIndexProperty().get();
        return i < 0 || i >= thread.entries().size() ? null : thread.entries().get(i);
    }

    private void update() {
        boolean none = selected() == null || thread.conversationProperty().get() == null;
        String reason = vm.lockReasonProperty().get();
        copyText.setDisable(none);
        copyJson.setDisable(none);
        edit.setDisable(none || reason != null || vm.busyProperty().get());
        delete.setDisable(none || reason != null || vm.busyProperty().get());
        locked.setText(reason == null ? "" : reason);
        locked.setVisible(reason != null);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void edit() {
        ThreadEntry entry = selected();
        MessageGroupRow group = thread.conversationProperty().get();
        if (entry == null || group == null) {
            return;
        }
        ModerationDialogs.editText(getOwnerWindow(), ModerationViewModel.whose(entry.message(), times), entry.message().message())
                .ifPresent(text -> vm.edit(group.messageGroupUuid(), entry.message().messageUuid(), text));
    }

    private void delete() {
        ThreadEntry entry = selected();
        MessageGroupRow group = thread.conversationProperty().get();
        if (entry == null || group == null) {
            return;
        }
        var owner = getOwnerWindow();
        // the preview is read in the background; the confirmation opens when it arrives, and the delete re-reads anyway
        vm.previewDelete(group.messageGroupUuid(), entry.message().messageUuid(), preview -> Platform.runLater(() -> {
            // a modal dialog of its own, outside the request's delivery
            if (ModerationDialogs.confirmDelete(owner, preview, times, vm.log().file().toString())) {
                vm.delete(group.messageGroupUuid(), entry.message().messageUuid());
            }
        }));
    }
}
