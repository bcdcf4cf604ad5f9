package org.cruddur.console.service.transcripts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pattern A in true time order, from any point, either way, optionally filtered by text: a paged Query of the
 * conversation's {@code MSG#} partition (never a Scan).
 *
 * <p>sk is a string, and the backend has written several forms (with or without offset or microseconds, a space
 * instead of 'T'), so text order is not time order. But the text cannot stray far from the instant: its first ten
 * characters are the local date, and an offset moves the instant by at most {@link #MAX_OFFSET}. So (1) the key
 * condition starts the Query a safe margin before the point asked for, and (2) messages read are held in a small
 * heap and only handed out once no message still unread can come before them: reading newest first, after sk text
 * {@code D...}, nothing unread is later than the end of day D plus the margin. Memory is the messages of about
 * two days, whatever the conversation's length.
 */
public final class ConversationTimeline {

    public enum Direction { OLDEST_FIRST, NEWEST_FIRST }

    /** The largest offset java.time accepts; real ones stop at ±14:00. */
    static final Duration MAX_OFFSET = Duration.ofHours(18);
    public static final int QUERY_PAGE = 500;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    /** Up to {@code limit} messages and whether more follow in the same direction. */
    public record Slice(List<TimelineMessage> messages, boolean more) {
        public Slice {
            messages = List.copyOf(messages);
        }
    }

    /** The page around a point: {@code older} newest first (at or before it), {@code newer} oldest first (after it). */
    public record Around(Slice older, Slice newer) {
    }

    private final DynamoSession session;
    private final int queryPage;

    public ConversationTimeline(DynamoSession session) {
        this(session, QUERY_PAGE);
    }

    public ConversationTimeline(DynamoSession session, int queryPage) {
        this.session = session;
        this.queryPage = queryPage;
    }

    /** Whether the conversation has any message (one item read). */
    public boolean exists(String groupUuid) {
        QueryResponse r = session.call(c -> c.query(QueryRequest.builder().tableName(session.tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid))))
                .limit(1).build()));
        return !r.items().isEmpty();
    }

    /** Messages strictly older than {@code instant}, newest first. */
    public Slice before(String groupUuid, Instant instant, int limit) {
        return read(groupUuid, Direction.NEWEST_FIRST, TimelineMessage.Position.startOf(instant), null, limit, () -> false);
    }

    /** Messages strictly newer than {@code instant}, oldest first. */
    public Slice after(String groupUuid, Instant instant, int limit) {
        return read(groupUuid, Direction.OLDEST_FIRST, TimelineMessage.Position.endOf(instant), null, limit, () -> false);
    }

    /** Messages that match, newest first; {@code limit} {@link Integer#MAX_VALUE} for all of them. */
    public Slice find(String groupUuid, TextMatch match, int limit, BooleanSupplier cancelled) {
        return read(groupUuid, Direction.NEWEST_FIRST, null, match, limit, cancelled);
    }

    /** The newest message at or before the instant with {@code pageSize} older ones, and a page of newer ones. */
    public Around aroundInstant(String groupUuid, Instant instant, int pageSize) {
        return around(groupUuid, TimelineMessage.Position.endOf(instant), pageSize);
    }

    /** The page holding the message at {@code position} (it first in {@code older}) and a page of newer ones. */
    public Around aroundMessage(String groupUuid, TimelineMessage.Position position, int pageSize) {
        return around(groupUuid, position.justAfter(), pageSize);
    }

    private Around around(String groupUuid, TimelineMessage.Position from, int pageSize) {
        Slice older = read(groupUuid, Direction.NEWEST_FIRST, from, null, pageSize, () -> false);
        Slice newer = read(groupUuid, Direction.OLDEST_FIRST, older.messages().isEmpty() ? from : older.messages().get(0).position(),
                null, pageSize, () -> false);
        return new Around(older, newer);
    }

    /** Up to {@code limit} messages strictly beyond {@code from} (null: from the end) in {@code direction}. */
    public Slice read(String groupUuid, Direction direction, TimelineMessage.Position from, TextMatch match, int limit,
                      BooleanSupplier cancelled) {
        if (limit < 1) {
            throw ConsoleException.validation("Page size must be at least 1");
        }
        List<TimelineMessage> out = new ArrayList<>(Math.min(limit, 1_000));
        boolean[] more = {false};
        walk(groupUuid, direction, from, match, cancelled, m -> {
            if (out.size() == limit) {
                more[0] = true;
                return false;
            }
            out.add(m);
            return true;
        });
        return new Slice(out, more[0]);
    }

    /**
     * Hands messages strictly beyond {@code from} to {@code sink} in time order until it returns false or the
     * conversation ends; throws a CANCELLED ConsoleException when {@code cancelled} says so between pages.
     */
    public void walk(String groupUuid, Direction direction, TimelineMessage.Position from, TextMatch match,
                     BooleanSupplier cancelled, Predicate<TimelineMessage> sink) {
        boolean oldestFirst = direction == Direction.OLDEST_FIRST;
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid)));
        String keyCondition = "pk = :pk";
        if (from != null && from.at() != Instant.MIN) {
            if (oldestFirst) {
                // the earliest local date a later message can carry; a bare date sorts before "D 12:00" and "DT12:00"
                values.put(":from", AttributeValue.fromS(DAY.format(from.at().minus(MAX_OFFSET)) + " "));
                keyCondition += " AND #sk >= :from";
                names.put("#sk", TableItems.SK);
            } else {
                values.put(":to", AttributeValue.fromS(SECONDS.format(from.at().plus(MAX_OFFSET).truncatedTo(ChronoUnit.SECONDS).plusSeconds(2))));
                keyCondition += " AND #sk < :to";
                names.put("#sk", TableItems.SK);
            }
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(session.tableName())
                .keyConditionExpression(keyCondition)
                .scanIndexForward(oldestFirst)
                .consistentRead(true)
                .limit(queryPage);
        if (match != null) {
            names.put("#m", TableItems.MESSAGE);
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < match.spellings().size(); i++) {
                values.put(":t" + i, AttributeValue.fromS(match.spellings().get(i)));
                terms.add("contains(#m, :t" + i + ")");
            }
            request.filterExpression(String.join(" OR ", terms));
        }
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        request.expressionAttributeValues(values);

        Comparator<TimelineMessage> order = Comparator.comparing(TimelineMessage::position);
        PriorityQueue<TimelineMessage> held = new PriorityQueue<>(oldestFirst ? order : order.reversed());
        Map<String, AttributeValue> start = null;
        do {
            if (cancelled.getAsBoolean()) {
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled");
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = session.call(c -> c.query(request.build()));
            for (Map<String, AttributeValue> item : response.items()) {
                TimelineMessage m = TimelineMessage.of(item);
                int c = from == null ? 0 : m.position().compareTo(from);
                if (from == null || (oldestFirst ? c > 0 : c < 0)) {
                    held.add(m);
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            // with a filter, the last key evaluated may be past every item returned: it is what bounds the unread rest
            Instant safe = start == null ? null : safeBound(TableItems.text(start, TableItems.SK), oldestFirst);
            while (!held.isEmpty() && (start == null || (safe != null && ready(held.peek(), safe, oldestFirst)))) {
                if (!sink.test(held.poll())) {
                    return;
                }
            }
        } while (start != null);
    }

    private static boolean ready(TimelineMessage m, Instant safe, boolean oldestFirst) {
        return oldestFirst ? m.at().isBefore(safe) : !m.at().isBefore(safe);
    }

    /**
     * Reading on from sk text {@code read}: oldest first, no unread message is earlier than the start of its date
     * less the margin; newest first, none is later than the end of its date plus the margin. Null when the text
     * does not start with a date (then nothing is handed out until the end).
     */
    static Instant safeBound(String read, boolean oldestFirst) {
        if (read == null || read.length() < 10) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(read.substring(0, 10));
            return oldestFirst
                    ? day.atStartOfDay().toInstant(ZoneOffset.UTC).minus(MAX_OFFSET)
                    : day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(MAX_OFFSET);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
