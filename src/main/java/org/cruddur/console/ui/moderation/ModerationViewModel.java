package org.cruddur.console.ui.moderation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.moderation.DeleteMessage;
import org.cruddur.console.service.moderation.DeletePreview;
import org.cruddur.console.service.moderation.EditMessage;
import org.cruddur.console.service.moderation.ModerationLog;
import org.cruddur.console.service.moderation.ModerationResult;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.conversation.MessageTimes;

/**
 * Deleting and editing a message of the open thread: the delete preview for the confirmation, the write itself in the
 * background (one at a time: the latest request wins), and the reason both are unavailable while writes are locked.
 * After a change the thread and the inbox reload through {@link #onChanged}.
 */
public final class ModerationViewModel {

    static final int QUOTE_LENGTH = 60;

    private final ConnectionContext connection;
    private final ObservableBooleanValue writesAllowed;
    private final ModerationLog log;
    private final LatestRequest jobs;
    private final StringBinding lockReason;
    private Consumer<ModerationResult> onChanged = r -> { };

    /**
     * @param writesAllowed whether the read-only lock is open
     * @param dataDir       the data folder, where the moderation log is kept
     */
    public ModerationViewModel(ConnectionContext connection, ObservableBooleanValue writesAllowed, Path dataDir) {
        this.connection = connection;
        this.writesAllowed = writesAllowed;
        this.log = new ModerationLog(dataDir);
        this.jobs = connection.tableRequest();
        this.lockReason = Bindings.createStringBinding(() -> writesAllowed.get() ? null
                : "Writes are locked on this profile: Writes › Unlock writes… first", writesAllowed);
    }

    /** Called on the UI thread after a delete or edit succeeded. */
    public void onChanged(Consumer<ModerationResult> step) {
        this.onChanged = step;
    }

    /** Why Edit and Delete are unavailable now, or null when they are available. */
    public StringBinding lockReasonProperty() {
        return lockReason;
    }

    public boolean writesAllowed() {
        return writesAllowed.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.loadingProperty();
    }

    public ModerationLog log() {
        return log;
    }

    /** Reads what deleting would do, then hands it to {@code show} on the UI thread (for the confirmation). */
    public void previewDelete(String groupUuid, String messageUuid, Consumer<DeletePreview> show) {
        MessagesTable t = connection.table();
        if (t == null) {
            return;
        }
        jobs.run("Reading the conversation", p -> new DeleteMessage(t.session(), log).preview(groupUuid, messageUuid), show);
    }

    public void delete(String groupUuid, String messageUuid) {
        MessagesTable t = connection.table();
        if (t == null) {
            return;
        }
        jobs.run("Deleting a message", p -> new DeleteMessage(t.session(), log).delete(groupUuid, messageUuid), onChanged);
    }

    public void edit(String groupUuid, String messageUuid, String text) {
        MessagesTable t = connection.table();
        if (t == null) {
            return;
        }
        jobs.run("Editing a message", p -> new EditMessage(t.session(), log).edit(groupUuid, messageUuid, text), onChanged);
    }

    /** What the delete confirmation says happens to the inboxes, in people's words and local times. */
    public static String inboxEffect(DeletePreview p, MessageTimes times) {
        return switch (p.inbox()) {
            case MOVED -> "It is the newest message: both inboxes will show the previous message " + quote(p.previous().message())
                    + " of " + when(p.previous(), p.target(), times) + " instead.";
            case DELETED -> "It is the only message: the conversation disappears from both inboxes.";
            default -> "A newer message exists: both inboxes stay as they are.";
        };
    }

    /** Whose message and when, for a dialog's header: "@mara's message of Thursday, 1 January 2026, 06:30". */
    public static String whose(MessageRow m, MessageTimes times) {
        return "@" + m.userHandle() + "'s message of " + when(m, null, times);
    }

    /** A message's local time; with its day unless it is the same day as {@code sameDayAs}. */
    static String when(MessageRow m, MessageRow sameDayAs, MessageTimes times) {
        Instant at = Timestamps.tryParse(m.createdAt()).orElse(null);
        if (at == null) {
            return m.createdAt();
        }
        Instant other = sameDayAs == null ? null : Timestamps.tryParse(sameDayAs.createdAt()).orElse(null);
        if (other != null && times.day(at).equals(times.day(other))) {
            return times.clockTime(at);
        }
        return times.dayHeading(at) + ", " + times.clockTime(at);
    }

    static String quote(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) > QUOTE_LENGTH) {
            oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, QUOTE_LENGTH - 1)) + "…";
        }
        return "'" + oneLine + "'";
    }
}
