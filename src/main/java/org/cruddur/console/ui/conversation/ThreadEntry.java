package org.cruddur.console.ui.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.health.MessageDamage;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One message as the thread shows it: the mapped row, the raw item behind it, its time parsed once, and what is
 * wrong with it (a bad timestamp, missing attributes: the bubble is marked; empty for a well-formed message).
 */
public record ThreadEntry(MessageRow message, Map<String, AttributeValue> item, Instant at, List<String> damage) {

    public static ThreadEntry of(MessageRow message, Map<String, AttributeValue> item) {
        return new ThreadEntry(message, item, Timestamps.tryParse(message.createdAt()).orElse(Instant.EPOCH), MessageDamage.of(item));
    }

    public boolean damaged() {
        return !damage.isEmpty();
    }

    /** Whether the message's time is known (a bad timestamp shows as the raw sk instead). */
    public boolean timeKnown() {
        return Timestamps.tryParse(message.createdAt()).isPresent();
    }
}
