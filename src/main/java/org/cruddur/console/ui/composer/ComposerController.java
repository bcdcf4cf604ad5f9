package org.cruddur.console.ui.composer;

import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.cruddur.console.ui.keys.Shortcut;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.items.ChatUser;

/** The message box: inline validation, a searchable recipient picker for new conversations, Ctrl+Enter to send. */
public final class ComposerController {

    private final ComposerViewModel vm;
    private final ObservableList<ChatUser> people;

    @FXML private Label targetLabel;
    @FXML private SearchableComboBox<ChatUser> recipientBox;
    @FXML private Button clearRecipientButton;
    @FXML private TextArea messageText;
    @FXML private Button sendButton;
    @FXML private Label problemLabel;
    @FXML private Label counterLabel;

    public ComposerController(ComposerViewModel vm, ObservableList<ChatUser> people) {
        this.vm = vm;
        this.people = people;
    }

    @FXML
    private void initialize() {
        messageText.textProperty().bindBidirectional(vm.textProperty());
        problemLabel.textProperty().bind(vm.problemProperty());
        counterLabel.textProperty().bind(vm.counterProperty());
        targetLabel.textProperty().bind(vm.targetProperty());
        sendButton.disableProperty().bind(vm.canSendProperty().not());
        recipientBox.setItems(people);
        // the search field narrows the list by this text: name and @handle
        recipientBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChatUser u) {
                return u == null ? "" : PersonName.of(u);
            }

            @Override
            public ChatUser fromString(String text) {
                return null; // chosen from the list, never typed in
            }
        });
        recipientBox.setCellFactory(list -> new PersonCell());
        recipientBox.setButtonCell(new PersonCell());
        recipientBox.valueProperty().bindBidirectional(vm.recipientProperty());
        clearRecipientButton.disableProperty().bind(vm.recipientProperty().isNull());
        clearRecipientButton.setAccessibleText("Clear the recipient: write into the open conversation");
        org.cruddur.console.ui.view.FieldNames.name(messageText, "Message");
        messageText.setAccessibleHelp(Shortcut.SEND.keyText() + " sends; Tab leaves the field");
        sendButton.setAccessibleHelp(Shortcut.SEND.keyText());
        messageText.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Shortcut.SEND.matches(e)) {
                e.consume();
                vm.send();
            } else if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                // Tab leaves the message as it leaves any field (a text area would type it): the keyboard is not trapped
                e.consume();
                messageText.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.TAB,
                        e.isShiftDown(), true, false, false));
            }
        });
    }

    public void focus() {
        messageText.requestFocus();
    }

    @FXML
    private void send() {
        vm.send();
    }

    @FXML
    private void clearRecipient() {
        vm.recipientProperty().set(null);
    }

    private static final class PersonCell extends ListCell<ChatUser> {
        @Override
        protected void updateItem(ChatUser u, boolean empty) {
            super.updateItem(u, empty);
            setText(empty || u == null ? null : PersonName.of(u));
        }
    }
}
