package org.cruddur.console.service.health;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The repair of one conversation: group rows to delete (keys), rows to put (whole items, in pattern D's shape), and
 * the rows left as they are, whose existence the transaction checks so that a post landing meanwhile cancels it.
 * {@code replacing} are the keys among the puts that overwrite an existing row.
 */
public record ConversationWrite(String messageGroupUuid, List<Map<String, AttributeValue>> delete,
                                List<Map<String, AttributeValue>> put, List<Map<String, AttributeValue>> replacing,
                                List<Map<String, AttributeValue>> unchanged, String newestSk) {

    public ConversationWrite {
        delete = List.copyOf(delete);
        put = List.copyOf(put);
        replacing = List.copyOf(replacing);
        unchanged = List.copyOf(unchanged);
    }

    public boolean isEmpty() {
        return delete.isEmpty() && put.isEmpty();
    }

    /** Items in the transaction: every delete, put and existence check. */
    public int transactionSize() {
        return delete.size() + put.size() + unchanged.size();
    }
}
