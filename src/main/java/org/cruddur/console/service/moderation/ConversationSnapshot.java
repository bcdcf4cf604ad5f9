package org.cruddur.console.service.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
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
 * fractions and separators, and their text order is not their time order. So the partition is read newest first by
 * text (strongly consistent, paged, two messages kept) until the message is found and nothing further down can be
 * newer than the newest other message seen ({@link #nothingLaterBelow}): a recent message costs a page or two, an old
 * one a read down to it, never a guess from the last page alone.
 */
record ConversationSnapshot(String groupUuid, MessageRow target, MessageRow newestOther, List<MessageGroupRow> rows) {

    /** Messages read per page, newest (by text) first: a recent message's action reads one or two pages. */
    static final int PAGE = 50;
    private static final Duration MAX_OFFSET = Duration.ofHours(18);

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
            Iterator<Map<String, AttributeValue>> items = c.queryPaginator(QueryRequest.builder()
                    .tableName(session.tableName())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid))))
                    .scanIndexForward(false)
                    .limit(PAGE)
                    .consistentRead(true)
                    .build()).items().iterator();
            while (items.hasNext()) {
                MessageRow m = TableItems.messageRow(items.next());
                count[0]++;
                if (messageUuid.equals(m.messageUuid()) && found[0] == null) {
                    found[0] = m;
                } else if (found[1] == null || BY_TIME.compare(m, found[1]) > 0) {
                    found[1] = m;
                }
                if (found[0] != null && found[1] != null && nothingLaterBelow(m.createdAt(), found[1])) {
                    break;
                }
            }
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

    /**
     * Whether no message after {@code sk} in text order (newest first) can be newer than {@code newest}. Every sk the
     * backend writes starts with its local date, so text order is date order, and an offset moves the instant at
     * most 18 hours past the end of that date: once the newest found is past that bound, reading on cannot change it.
     */
    static boolean nothingLaterBelow(String sk, MessageRow newest) {
        Instant best = Timestamps.tryParse(newest.createdAt()).orElse(null);
        if (best == null || sk == null || sk.length() < 10) {
            return false;
        }
        try {
            Instant bound = LocalDate.parse(sk.substring(0, 10)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(MAX_OFFSET);
            return !best.isBefore(bound);
        } catch (DateTimeParseException notADate) {
            return false; // an sk that is no timestamp: keep reading
        }
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
