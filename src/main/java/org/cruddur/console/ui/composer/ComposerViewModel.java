package org.cruddur.console.ui.composer;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.patterns.PostMessage;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.connection.ConnectionContext;

/**
 * The composer: posts as the selected person into the open conversation (pattern D), or, with a recipient chosen,
 * to that person (pattern C, or D when the pair already talks). Validation is the service's own, shown inline.
 */
public final class ComposerViewModel {

    private final ConnectionContext main;
    /** One post at a time: a second Ctrl+Enter while one is on its way sends nothing. */
    private final LatestRequest posting;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ChatUser> sender = new SimpleObjectProperty<>(this, "sender");
    private final ObjectProperty<MessageGroupRow> conversation = new SimpleObjectProperty<>(this, "conversation");
    private final ObjectProperty<ChatUser> recipient = new SimpleObjectProperty<>(this, "recipient");
    private final StringBinding problem;
    private final StringBinding target;
    private final StringBinding counter;
    private final BooleanBinding canSend;
    private Consumer<PostResult> onPosted = r -> { };

    public ComposerViewModel(ConnectionContext main) {
        this.main = main;
        this.posting = main.tableRequest();
        ReadOnlyBooleanProperty sending = posting.loadingProperty();
        // an empty box is not an error to shout about; anything typed is checked as the backend would
        problem = Bindings.createStringBinding(() -> text.get() == null || text.get().isEmpty() ? null : PostMessage.problem(text.get()), text);
        counter = Bindings.createStringBinding(() -> {
            String t = text.get() == null ? "" : text.get();
            return t.codePointCount(0, t.length()) + " / " + PostMessage.MAX_LENGTH;
        }, text);
        target = Bindings.createStringBinding(() -> {
            if (sender.get() == null) {
                return "Pick a person on the left to write as them";
            }
            String as = "As " + name(sender.get());
            if (recipient.get() != null) {
                return as + " to " + name(recipient.get()) + " (new or existing conversation)";
            }
            MessageGroupRow c = conversation.get();
            return c == null ? as + ": choose a recipient to start a conversation"
                    : as + " to " + PersonName.otherOf(c);
        }, sender, recipient, conversation);
        canSend = Bindings.createBooleanBinding(() -> !sending.get() && sender.get() != null
                        && PostMessage.problem(text.get()) == null && (recipient.get() != null || conversation.get() != null)
                        && main.table() != null,
                text, sending, sender, recipient, conversation, main.tableProperty());
    }

    private static String name(ChatUser u) {
        return PersonName.of(u);
    }

    /** Posts the text; on success clears it and tells {@link #onPosted(Consumer)}. Failures go to the main error line. */
    public void send() {
        if (!canSend.get()) {
            String why = PostMessage.problem(text.get());
            if (why != null && !text.get().isEmpty()) {
                main.report(why);
            }
            return;
        }
        MessagesTable t = main.table();
        ChatUser from = sender.get();
        ChatUser to = recipient.get();
        MessageGroupRow group = conversation.get();
        String message = text.get();
        posting.runIfIdle("Posting", progress -> to != null
                        ? t.post().toUser(from.uuid(), to.uuid(), message)
                        : t.post().toGroup(from.uuid(), group.messageGroupUuid(), message),
                result -> {
                    text.set("");
                    recipient.set(null);
                    onPosted.accept(result);
                });
    }

    public void onPosted(Consumer<PostResult> listener) {
        this.onPosted = listener;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ChatUser> senderProperty() {
        return sender;
    }

    public ObjectProperty<MessageGroupRow> conversationProperty() {
        return conversation;
    }

    public ObjectProperty<ChatUser> recipientProperty() {
        return recipient;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return posting.loadingProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public StringBinding targetProperty() {
        return target;
    }

    public StringBinding counterProperty() {
        return counter;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
