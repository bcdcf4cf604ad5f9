package org.cruddur.console.service.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.ConversationGroupRows;
import org.cruddur.console.service.session.DynamoSession;

/**
 * "What the Lambda does": for a message INSERT, the writes the seeds' {@code cruddur-messaging-stream} function makes
 * (query the GSI for the conversation's group rows, then for each delete it and put it again at the message's sk with
 * the message's text), and where the table's group rows stand against the message now.
 */
public final class LambdaCheck {

    private final ConversationGroupRows groupRows;

    public LambdaCheck(DynamoSession session) {
        this.groupRows = new ConversationGroupRows(session);
    }

    /** The batch with a verdict on every message INSERT; each conversation's rows are read once per batch. */
    public List<StreamEvent> judge(List<StreamEvent> batch) {
        Map<String, List<MessageGroupRow>> rowsByConversation = new HashMap<>();
        List<StreamEvent> out = new ArrayList<>(batch.size());
        for (StreamEvent e : batch) {
            if (e.isMessageInsert() && e.conversation() != null && e.sk() != null) {
                List<MessageGroupRow> rows = rowsByConversation.computeIfAbsent(e.conversation(), groupRows::of);
                out.add(e.withLambda(verdict(e, rows)));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** The verdict of one message against the conversation's group rows as they are now. */
    static LambdaVerdict verdict(StreamEvent message, List<MessageGroupRow> rows) {
        List<LambdaVerdict.Write> writes = new ArrayList<>();
        for (MessageGroupRow r : rows) {
            String pk = TableItems.groupPk(r.ownerUuid());
            writes.add(new LambdaVerdict.Write("delete", pk, r.lastMessageAt()));
            writes.add(new LambdaVerdict.Write("put", pk, message.sk()));
        }
        Optional<Instant> at = Timestamps.tryParse(message.sk());
        // each owner's newest row is the one their inbox shows; a participant named by a row but owning none is missing
        Map<String, MessageGroupRow> newest = new LinkedHashMap<>();
        Set<String> participants = new LinkedHashSet<>();
        for (MessageGroupRow r : rows) {
            participants.add(r.ownerUuid());
            participants.add(r.otherUserUuid());
            newest.merge(r.ownerUuid(), r, (a, b) -> Timestamps.BY_INSTANT.compare(a.lastMessageAt(), b.lastMessageAt()) >= 0 ? a : b);
        }
        List<LambdaVerdict.Row> positions = new ArrayList<>();
        for (String owner : participants) {
            if (owner == null || owner.isBlank()) {
                continue;
            }
            MessageGroupRow r = newest.get(owner);
            if (r == null) {
                positions.add(new LambdaVerdict.Row(TableItems.groupPk(owner), null, null, LambdaVerdict.Position.MISSING));
            } else {
                positions.add(new LambdaVerdict.Row(TableItems.groupPk(owner), r.lastMessageAt(), r.lastMessage(), position(r.lastMessageAt(), message.sk(), at)));
            }
        }
        positions.sort(Comparator.comparing(LambdaVerdict.Row::pk));
        return new LambdaVerdict(state(positions), List.copyOf(writes), List.copyOf(positions));
    }

    private static LambdaVerdict.Position position(String rowSk, String messageSk, Optional<Instant> messageAt) {
        Optional<Instant> rowAt = Timestamps.tryParse(rowSk);
        int c;
        if (messageAt.isPresent() && rowAt.isPresent()) {
            c = rowAt.get().compareTo(messageAt.get());
        } else if (messageAt.isEmpty() && rowAt.isEmpty()) {
            c = rowSk.compareTo(messageSk); // neither is a time: the text is all there is
        } else {
            c = rowAt.isPresent() ? 1 : -1; // an unreadable time sorts oldest, as everywhere in the console
        }
        return c == 0 ? LambdaVerdict.Position.AT : c < 0 ? LambdaVerdict.Position.BEHIND : LambdaVerdict.Position.AHEAD;
    }

    private static LambdaState state(List<LambdaVerdict.Row> rows) {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.position() == LambdaVerdict.Position.BEHIND
                || r.position() == LambdaVerdict.Position.MISSING)) {
            return LambdaState.ROWS_BEHIND;
        }
        return rows.stream().allMatch(r -> r.position() == LambdaVerdict.Position.AT) ? LambdaState.ROWS_AT_MESSAGE : LambdaState.ROWS_AHEAD;
    }
}
