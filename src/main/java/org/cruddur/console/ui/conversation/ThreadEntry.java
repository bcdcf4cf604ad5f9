package org.cruddur.console.ui.conversation;

import java.time.Instant;
import java.util.Map;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One message as the thread shows it: the mapped row, the raw item behind it, and its time parsed once. */
public record ThreadEntry(MessageRow message, Map<String, AttributeValue> item, Instant at) {

    public static ThreadEntry of(MessageRow message, Map<String, AttributeValue> item) {
        return new ThreadEntry(message, item, Timestamps.tryParse(message.createdAt()).orElse(Instant.EPOCH));
    }
}
