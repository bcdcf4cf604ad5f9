package org.cruddur.console.service.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.oplog.OperationLog;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Deletes one message of a conversation and keeps both inboxes true, in one TransactWriteItems with a condition on
 * every key it touches:
 * <ul>
 *   <li>an older message: only the message goes; the transaction holds the newest message to still being there (had
 *       it gone meanwhile, this one could have become the newest, with rows pointing at it);</li>
 *   <li>the newest message: every group row of the conversation moves back to the previous message (its sk and text;
 *       rows are keyed by time, so each is deleted and put again), the previous message held to being unchanged;</li>
 *   <li>the only message: the conversation's group rows go too.</li>
 * </ul>
 * A post landing meanwhile moves the rows the transaction read, so the transaction is cancelled, re-read and retried:
 * the post wins, the rows end at the newest remaining message, and nothing but the chosen message is removed.
 */
public final class DeleteMessage {

    public static final String ACTION = "delete-message";

    private final DynamoSession session;
    private final ModerationLog log;
    private final ModerationWrites writes;

    public DeleteMessage(DynamoSession session, ModerationLog log) {
        this.session = session;
        this.log = log;
        this.writes = new ModerationWrites(session);
    }

    /** What deleting would do to the inboxes now (reads only; allowed on read-only profiles). */
    public DeletePreview preview(String groupUuid, String messageUuid) {
        ConversationSnapshot s = ConversationSnapshot.read(session, groupUuid, messageUuid);
        InboxChange change = change(s);
        return new DeletePreview(s.target(), change, change == InboxChange.MOVED ? s.newestOther() : null);
    }

    public ModerationResult delete(String groupUuid, String messageUuid) {
        session.requireWrites(ACTION);
        ModerationResult result;
        try (OperationLog.Purpose p = session.log().purpose(ACTION)) {
            result = deleteWithRetries(groupUuid, messageUuid);
        }
        log.append(session, result);
        return result;
    }

    private ModerationResult deleteWithRetries(String groupUuid, String messageUuid) {
        for (int attempt = 1; ; attempt++) {
            ConversationSnapshot s = ConversationSnapshot.read(session, groupUuid, messageUuid);
            List<TransactWriteItem> items = new ArrayList<>();
            List<ModerationResult.RowChange> changes = new ArrayList<>();
            items.add(writes.deleteMessage(s.target()));
            InboxChange change = change(s);
            String lastAt = null;
            switch (change) {
                case UNCHANGED -> {
                    items.add(writes.messageUnchanged(s.newestOther()));
                    lastAt = s.newestOther().createdAt();
                }
                case DELETED -> {
                    for (MessageGroupRow r : s.rows()) {
                        items.add(writes.deleteRow(r));
                        changes.add(new ModerationResult.RowChange(TableItems.groupPk(r.ownerUuid()), r.lastMessageAt(), null));
                    }
                }
                case MOVED -> {
                    MessageRow previous = s.newestOther();
                    items.add(writes.messageUnchanged(previous));
                    lastAt = previous.createdAt();
                    moveRows(s.rows(), previous, items, changes);
                }
                default -> throw new IllegalStateException(change.name());
            }
            try {
                writes.transact(items, ACTION);
                return new ModerationResult(ACTION, groupUuid, messageUuid, s.target().createdAt(), change,
                        List.copyOf(changes), lastAt, attempt);
            } catch (ModerationWrites.Conflict conflict) {
                ModerationWrites.giveUpOrBackoff(attempt, groupUuid);
            }
        }
    }

    private static InboxChange change(ConversationSnapshot s) {
        if (s.newestOther() == null) {
            return s.rows().isEmpty() ? InboxChange.UNCHANGED : InboxChange.DELETED;
        }
        return s.targetIsNewest() && !s.rows().isEmpty() ? InboxChange.MOVED : InboxChange.UNCHANGED;
    }

    /**
     * Each participant's rows become one row at the previous message, naming the same other person as their newest
     * row did; any extra rows a participant held for this conversation go in the same transaction.
     */
    private void moveRows(List<MessageGroupRow> rows, MessageRow previous, List<TransactWriteItem> items,
                          List<ModerationResult.RowChange> changes) {
        Map<String, List<MessageGroupRow>> byOwner = new LinkedHashMap<>();
        rows.forEach(r -> byOwner.computeIfAbsent(r.ownerUuid(), k -> new ArrayList<>()).add(r));
        byOwner.forEach((owner, own) -> {
            own.sort(Comparator.comparing((MessageGroupRow r) -> Timestamps.tryParse(r.lastMessageAt()).orElse(Instant.MIN)).reversed());
            MessageGroupRow template = own.get(0);
            boolean keyTaken = false;
            for (MessageGroupRow r : own) {
                if (r.lastMessageAt().equals(previous.createdAt())) {
                    keyTaken = true; // overwritten by the put below: one operation per key in a transaction
                } else {
                    items.add(writes.deleteRow(r));
                    if (r != template) {
                        changes.add(new ModerationResult.RowChange(TableItems.groupPk(owner), r.lastMessageAt(), null));
                    }
                }
            }
            MessageGroupRow moved = new MessageGroupRow(owner, previous.createdAt(), template.messageGroupUuid(), previous.message(),
                    template.otherUserUuid(), template.otherUserDisplayName(), template.otherUserHandle());
            items.add(writes.putRow(moved, keyTaken));
            changes.add(new ModerationResult.RowChange(TableItems.groupPk(owner), template.lastMessageAt(), previous.createdAt()));
        });
    }
}
