package org.cruddur.console.service.moderation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.ConversationGroupRows;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What a moderation action needs to know about one conversation, read just before it writes: the message it acts on,
 * the newest of the other messages, and the group rows listing the conversation.
 *
 * <p>"Newest" is by the instant a sort key names, not by its text: sk values written by other tools mix offsets,
 * fractions and separators, and their text order is not their time order. So the whole partition is read (streamed,
 * strongly consistent, only two messages kept), never just the last page by text.
 */
record ConversationSnapshot(String groupUuid, MessageRow target, MessageRow newestOther, List<MessageGroupRow> rows) {

    private static final Comparator<MessageRow> BY_TIME =
            Comparator.comparing(m -> Timestamps.tryParse(m.createdAt()).orElse(Instant.MIN));

    /** Reads the conversation; refuses an unknown conversation or message with one line (NOT_FOUND). */
    static ConversationSnapshot read(DynamoSession session, String groupUuid, String messageUuid) {
        if (groupUuid == null || groupUuid.isBlank()) {
            throw ConsoleException.validation("No conversation given");
        }
        if (messageUuid == null || messageUuid.isBlank()) {
            throw ConsoleException.validation("No message given");
        }
        // rows first, messages second: a post committing in between then shows as a newer message (so the target is
        // not the newest and the rows are left alone), and one committing later moves the rows read here, which
        // cancels the transaction. Read the other way round, a post in between would leave rows at the new message
        // that the transaction would happily move back behind it.
        List<MessageGroupRow> rows = new ConversationGroupRows(session).of(groupUuid);
        MessageRow[] found = new MessageRow[2]; // [target, newest other]
        long[] count = {0};
        session.call(c -> {
            c.queryPaginator(QueryRequest.builder()
                    .tableName(session.tableName())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid))))
                    .consistentRead(true)
                    .build()).items().forEach(item -> {
                        count[0]++;
                        MessageRow m = TableItems.messageRow(item);
                        if (messageUuid.equals(m.messageUuid()) && found[0] == null) {
                            found[0] = m;
                        } else if (found[1] == null || BY_TIME.compare(m, found[1]) > 0) {
                            found[1] = m;
                        }
                    });
            return null;
        });
        if (count[0] == 0 && rows.isEmpty()) {
            throw ConsoleException.notFound("No conversation '" + groupUuid + "' in '" + session.tableName() + "'");
        }
        if (found[0] == null) {
            throw ConsoleException.notFound("No message '" + messageUuid + "' in conversation '" + groupUuid + "' in '"
                    + session.tableName() + "'");
        }
        return new ConversationSnapshot(groupUuid, found[0], found[1], rows);
    }

    /** Whether no other message is newer than the target (an equal instant counts as not newer). */
    boolean targetIsNewest() {
        return newestOther == null || BY_TIME.compare(target, newestOther) >= 0;
    }

    /** The newest message of the conversation, the target included. */
    MessageRow newest() {
        return targetIsNewest() ? target : newestOther;
    }

    /** Whether a group row lists the target message: same sk text, or the same instant in another form. */
    boolean listsTarget(MessageGroupRow row) {
        if (target.createdAt().equals(row.lastMessageAt())) {
            return true;
        }
        var a = Timestamps.tryParse(target.createdAt());
        return a.isPresent() && a.equals(Timestamps.tryParse(row.lastMessageAt()));
    }
}
