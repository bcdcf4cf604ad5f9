package org.cruddur.console.ui.moderation;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cruddur.console.service.moderation.DeletePreview;
import org.cruddur.console.service.patterns.PostMessage;
import org.cruddur.console.ui.conversation.MessageTimes;

/** The Edit and Delete dialogs of a message, themed like their window. */
final class ModerationDialogs {

    private ModerationDialogs() {
    }

    /** Asks for the new text; validated as a post is, inline. Empty when cancelled. */
    static Optional<String> editText(Window owner, String who, String current) {
        Dialog<String> dialog = dialog(owner, "Edit message");
        dialog.setHeaderText("Edit " + who);
        dialog.getDialogPane().setPrefWidth(560);
        TextArea text = new TextArea(current);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPrefColumnCount(48);
        text.setId("moderationEditText");
        Label problem = new Label();
        problem.getStyleClass().add("moderation-problem");
        text.textProperty().addListener((obs, was, now) -> {
            problem.getStyleClass().remove("invalid");
            if (PostMessage.problem(now) != null) {
                problem.getStyleClass().add("invalid");
            }
        });
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            String p = PostMessage.problem(text.getText());
            return p == null ? text.getText().codePointCount(0, text.getText().length()) + " / " + PostMessage.MAX_LENGTH
                    + " characters. The old text is not kept in the moderation log." : p;
        }, text.textProperty()));
        dialog.getDialogPane().setContent(new VBox(8, text, problem));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> PostMessage.problem(text.getText()) != null,
                text.textProperty()));
        dialog.setResultConverter(b -> b == save ? text.getText() : null);
        dialog.setOnShown(e -> text.requestFocus());
        return dialog.showAndWait();
    }

    /** Shows what deleting does to the inboxes; true when confirmed. Cancel is the default button. */
    static boolean confirmDelete(Window owner, DeletePreview preview, MessageTimes times, String logFile) {
        Dialog<ButtonType> dialog = dialog(owner, "Delete message");
        dialog.setHeaderText("Delete " + ModerationViewModel.whose(preview.target(), times) + "?");
        Label quote = new Label(preview.target().message());
        quote.setWrapText(true);
        quote.setMaxHeight(120);
        quote.getStyleClass().add("moderation-quote");
        Label effect = new Label(ModerationViewModel.inboxEffect(preview, times));
        effect.setWrapText(true);
        effect.setId("deleteInboxEffect");
        effect.getStyleClass().add("moderation-effect");
        Label note = new Label("This cannot be undone. The deletion is recorded in the moderation log (" + logFile + ").");
        note.setWrapText(true);
        note.getStyleClass().add("moderation-note");
        VBox content = new VBox(12, quote, effect, note);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(delete, ButtonType.CANCEL);
        // a destructive action is never the Enter key's default
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return dialog.showAndWait().filter(b -> b == delete).isPresent();
    }

    private static <T> Dialog<T> dialog(Window owner, String title) {
        Dialog<T> dialog = new Dialog<>();
        dialog.setTitle(title);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        var css = ModerationDialogs.class.getResource("/org/cruddur/console/ui/moderation/moderation.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("moderation-dialog");
        return dialog;
    }
}
