package org.cruddur.console.service.transcripts;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One message read in time order: the row, its raw item, and its instant parsed once (an unreadable sk counts as
 * the oldest possible time, as {@link Timestamps#BY_INSTANT} does).
 */
public record TimelineMessage(MessageRow row, Map<String, AttributeValue> item, Instant at) {

    public static TimelineMessage of(Map<String, AttributeValue> item) {
        MessageRow row = TableItems.messageRow(item);
        return new TimelineMessage(row, item, Timestamps.tryParse(row.createdAt()).orElse(Instant.MIN));
    }

    public Position position() {
        return new Position(at, row.createdAt() == null ? "" : row.createdAt());
    }

    /**
     * A place in a conversation in time order: the instant first, then the sk text, which tells apart two messages
     * stored at the same instant in different forms.
     */
    public record Position(Instant at, String sk) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparing(Position::at).thenComparing(Position::sk);
        /** Above every sk that can occur (sk are printable text). */
        private static final String AFTER_ANY_SK = "\uffff";

        /** Before every message at {@code at}: "strictly before the instant" reads from here. */
        public static Position startOf(Instant at) {
            return new Position(at, "");
        }

        /** After every message at {@code at}: "strictly after" and "at or before the instant" read from here. */
        public static Position endOf(Instant at) {
            return new Position(at, AFTER_ANY_SK);
        }

        /** Just after this position, so that reading older from it includes the message here. */
        public Position justAfter() {
            return new Position(at, sk + '\0');
        }

        @Override
        public int compareTo(Position o) {
            return ORDER.compare(this, o);
        }
    }
}
