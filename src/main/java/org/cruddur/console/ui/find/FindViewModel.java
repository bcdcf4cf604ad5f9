package org.cruddur.console.ui.find;

import java.time.Instant;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.transcripts.ConversationTimeline;
import org.cruddur.console.service.transcripts.TextMatch;
import org.cruddur.console.service.transcripts.TimelineMessage;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.conversation.ConversationViewModel;

/**
 * Find in the open conversation (a paged Query of its partition with a contains filter, newest first) and jumps:
 * choosing a result, or a date, opens the thread around it. Results are cleared when another conversation opens.
 */
public final class FindViewModel {

    /** The most matches listed; the status line says when there are more. */
    public static final int MAX_RESULTS = 500;

    private final ConnectionContext main;
    private final ConversationViewModel conversation;
    private final LatestRequest request;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<TimelineMessage> results = FXCollections.observableArrayList();
    private final IntegerProperty current = new SimpleIntegerProperty(this, "current", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private String searched;

    public FindViewModel(ConnectionContext main, ConversationViewModel conversation) {
        this.main = main;
        this.conversation = conversation;
        this.request = main.tableRequest();
        conversation.conversationProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || !was.messageGroupUuid().equals(now.messageGroupUuid())) {
                clear();
            }
        });
    }

    /** Enter: a new text is searched; the same text again goes to the next (older) result. */
    public void findOrNext() {
        String text = query.get() == null ? "" : query.get();
        if (text.equals(searched) && !results.isEmpty()) {
            next();
        } else {
            find();
        }
    }

    public void find() {
        MessageGroupRow group = conversation.conversationProperty().get();
        MessagesTable t = main.table();
        String text = query.get() == null ? "" : query.get();
        if (group == null || t == null) {
            status.set("Open a conversation first");
            return;
        }
        if (text.isBlank()) {
            clear();
            return;
        }
        TextMatch match;
        try {
            match = new TextMatch(text);
        } catch (RuntimeException e) {
            status.set(e.getMessage());
            return;
        }
        searched = text;
        status.set("Finding…");
        request.run("Finding '" + text + "'", progress -> t.timeline().find(group.messageGroupUuid(), match, MAX_RESULTS,
                progress::stopRequested), this::show);
    }

    private void show(ConversationTimeline.Slice found) {
        results.setAll(found.messages());
        current.set(-1);
        int n = found.messages().size();
        status.set(n == 0 ? "No message matches" : n == 1 ? "1 match" : found.more() ? "Newest " + n + " matches" : n + " matches");
        if (n > 0) {
            open(0);
        }
    }

    /** Enter: the next result (older), wrapping round. */
    public void next() {
        if (!results.isEmpty()) {
            open((current.get() + 1) % results.size());
        }
    }

    /** Shift+Enter: the previous result (newer), wrapping round. */
    public void previous() {
        if (!results.isEmpty()) {
            open((current.get() - 1 + results.size()) % results.size());
        }
    }

    /** Opens the thread around result {@code index}, with its bubble and raw item selected. */
    public void open(int index) {
        if (index < 0 || index >= results.size()) {
            return;
        }
        current.set(index);
        conversation.jumpToMessage(results.get(index).position());
    }

    /** "Go to date…": the newest message at or before the instant. */
    public void goTo(Instant instant) {
        conversation.jumpToInstant(instant);
    }

    public void clear() {
        request.stop();
        searched = null;
        results.clear();
        current.set(-1);
        status.set("");
    }

    public String matchRule() {
        return TextMatch.RULE;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<TimelineMessage> results() {
        return results;
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return request.loadingProperty();
    }

    public boolean conversationOpen() {
        return conversation.conversationProperty().get() != null;
    }
}
