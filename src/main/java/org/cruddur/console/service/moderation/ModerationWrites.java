package org.cruddur.console.service.moderation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.session.ConflictRetry;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conditional transaction items of moderation, and running them with PostMessage's retry discipline: a condition
 * that fails because another writer got there first is re-read and retried with backoff, anything else is reported.
 */
final class ModerationWrites {

    private static final String ROW_OF_GROUP = "attribute_exists(pk) AND message_group_uuid = :g";

    private final DynamoSession session;

    ModerationWrites(DynamoSession session) {
        this.session = session;
    }

    /** Thrown for a transaction another writer cancelled: re-read and try again. */
    static final class Conflict extends RuntimeException {
        Conflict(Throwable cause) {
            super(cause);
        }
    }

    void transact(List<TransactWriteItem> items, String action) {
        try {
            session.call(c -> c.transactWriteItems(t -> t.transactItems(items)));
        } catch (ConsoleException e) {
            if (e.getCause() instanceof TransactionCanceledException tce) {
                if (ConflictRetry.isConflict(tce)) {
                    throw new Conflict(tce);
                }
                throw new ConsoleException(ConsoleException.Kind.OTHER, action + " cancelled by DynamoDB: "
                        + tce.cancellationReasons().stream().map(CancellationReason::code).toList(), tce);
            }
            throw e;
        }
    }

    static void giveUpOrBackoff(int attempt, String groupUuid) {
        ConflictRetry.giveUpOrBackoff(attempt, n -> "Conversation " + groupUuid + " is too busy: gave up after " + n + " attempts; try again", "Cancelled");
    }

    private static Map<String, AttributeValue> messageKey(MessageRow m) {
        return TableItems.key(TableItems.messagePk(m.messageGroupUuid()), m.createdAt());
    }

    private static Map<String, AttributeValue> rowKey(MessageGroupRow r) {
        return TableItems.key(TableItems.groupPk(r.ownerUuid()), r.lastMessageAt());
    }

    /** Deletes the message, provided it is still the one with that uuid. */
    TransactWriteItem deleteMessage(MessageRow m) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(session.tableName()).key(messageKey(m))
                .conditionExpression("attribute_exists(pk) AND message_uuid = :m")
                .expressionAttributeValues(Map.of(":m", TableItems.s(m.messageUuid())))
                .build()).build();
    }

    /** Sets the message's text, provided it is still the one with that uuid. */
    TransactWriteItem editMessage(MessageRow m, String text) {
        return TransactWriteItem.builder().update(Update.builder().tableName(session.tableName()).key(messageKey(m))
                .updateExpression("SET message = :t")
                .conditionExpression("attribute_exists(pk) AND message_uuid = :m")
                .expressionAttributeValues(Map.of(":m", TableItems.s(m.messageUuid()), ":t", TableItems.s(text)))
                .build()).build();
    }

    /**
     * Holds the transaction to a message staying as read: still there, with the text read (the rows are about to
     * show that text; an edit landing meanwhile must not be undone in the inboxes).
     */
    TransactWriteItem messageUnchanged(MessageRow m) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(session.tableName()).key(messageKey(m));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":m", TableItems.s(m.messageUuid()));
        if (m.message() == null) {
            check.conditionExpression("attribute_exists(pk) AND message_uuid = :m AND attribute_not_exists(message)");
        } else {
            check.conditionExpression("attribute_exists(pk) AND message_uuid = :m AND message = :t");
            values.put(":t", TableItems.s(m.message()));
        }
        return TransactWriteItem.builder().conditionCheck(check.expressionAttributeValues(values).build()).build();
    }

    /** Deletes a group row, provided it is still there (a post moving it meanwhile cancels the transaction). */
    TransactWriteItem deleteRow(MessageGroupRow r) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(session.tableName()).key(rowKey(r))
                .conditionExpression(ROW_OF_GROUP)
                .expressionAttributeValues(Map.of(":g", TableItems.s(r.messageGroupUuid())))
                .build()).build();
    }

    /** Sets a group row's last message text, provided the row is still there. */
    TransactWriteItem editRow(MessageGroupRow r, String text) {
        return TransactWriteItem.builder().update(Update.builder().tableName(session.tableName()).key(rowKey(r))
                .updateExpression("SET message = :t")
                .conditionExpression(ROW_OF_GROUP)
                .expressionAttributeValues(Map.of(":g", TableItems.s(r.messageGroupUuid()), ":t", TableItems.s(text)))
                .build()).build();
    }

    /**
     * Puts a group row: at a new key (which must be free), or over the row of the same conversation already there
     * (when a row already stood at the time it moves to).
     */
    TransactWriteItem putRow(MessageGroupRow r, boolean overwrite) {
        Put.Builder put = Put.builder().tableName(session.tableName()).item(TableItems.toItem(r));
        if (overwrite) {
            put.conditionExpression(ROW_OF_GROUP).expressionAttributeValues(Map.of(":g", TableItems.s(r.messageGroupUuid())));
        } else {
            put.conditionExpression("attribute_not_exists(pk)");
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
