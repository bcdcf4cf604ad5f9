package org.cruddur.console.service.moderation;

import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.oplog.OperationLog;
import org.cruddur.console.service.patterns.PostMessage;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Changes one message's text (e.g. to redact it), validated as a post is. When it is the conversation's newest
 * message, the group rows listing it get the new text in the same transaction (a condition on each: a post moving
 * them meanwhile cancels it, and the retry finds the message no longer newest). An older message's edit holds the
 * newest message to still being there, so a delete of the newest racing it cannot leave the old text in the inboxes.
 */
public final class EditMessage {

    public static final String ACTION = "edit-message";

    private final DynamoSession session;
    private final ModerationLog log;
    private final ModerationWrites writes;

    public EditMessage(DynamoSession session, ModerationLog log) {
        this.session = session;
        this.log = log;
        this.writes = new ModerationWrites(session);
    }

    public ModerationResult edit(String groupUuid, String messageUuid, String text) {
        PostMessage.validate(text);
        session.requireWrites(ACTION);
        ModerationResult result;
        try (OperationLog.Purpose p = session.log().purpose(ACTION)) {
            result = editWithRetries(groupUuid, messageUuid, text);
        }
        log.append(session, result);
        return result;
    }

    private ModerationResult editWithRetries(String groupUuid, String messageUuid, String text) {
        for (int attempt = 1; ; attempt++) {
            ConversationSnapshot s = ConversationSnapshot.read(session, groupUuid, messageUuid);
            List<TransactWriteItem> items = new ArrayList<>();
            List<ModerationResult.RowChange> changes = new ArrayList<>();
            items.add(writes.editMessage(s.target(), text));
            if (s.targetIsNewest()) {
                for (MessageGroupRow r : s.rows()) {
                    if (s.listsTarget(r)) {
                        items.add(writes.editRow(r, text));
                        changes.add(new ModerationResult.RowChange(TableItems.groupPk(r.ownerUuid()), r.lastMessageAt(), r.lastMessageAt()));
                    }
                }
            } else {
                items.add(writes.messageUnchanged(s.newestOther()));
            }
            try {
                writes.transact(items, ACTION);
                return new ModerationResult(ACTION, groupUuid, messageUuid, s.target().createdAt(),
                        changes.isEmpty() ? InboxChange.UNCHANGED : InboxChange.UPDATED, List.copyOf(changes),
                        s.newest().createdAt(), attempt);
            } catch (ModerationWrites.Conflict conflict) {
                ModerationWrites.giveUpOrBackoff(attempt, groupUuid);
            }
        }
    }
}
