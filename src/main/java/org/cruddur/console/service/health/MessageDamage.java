package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.items.TableItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is wrong with one message item, by the same rules as the check ({@link ItemRules}), for views that show the
 * message anyway: a sort key that is no time the backend writes, attributes of the message shape that are missing.
 * A naive time (no offset) is not damage here: it is read as UTC and sorts where it belongs.
 */
public final class MessageDamage {

    private MessageDamage() {
    }

    /** One line per problem ("bad timestamp: …", "missing attribute user_handle"); empty for a well-formed message. */
    public static List<String> of(Map<String, AttributeValue> item) {
        if (item == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>(0);
        String sk = TableItems.text(item, TableItems.SK);
        if (sk == null || ItemRules.time(sk) == null) {
            problems.add("bad timestamp: sk '" + sk + "' is not an ISO-8601 time in any form the backend writes");
        }
        for (String name : ItemRules.missing(item, ItemRules.MESSAGE_ATTRIBUTES)) {
            problems.add("missing attribute " + name);
        }
        return List.copyOf(problems);
    }
}
