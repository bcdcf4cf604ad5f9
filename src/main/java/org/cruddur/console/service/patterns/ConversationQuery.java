package org.cruddur.console.service.patterns;

import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pattern A: the messages of one conversation, newest first. */
public final class ConversationQuery {

    public static final int DEFAULT_PAGE = 50;

    private final PartitionQuery<MessageRow> query;

    public ConversationQuery(DynamoSession session) {
        this.query = new PartitionQuery<>(session, TableItems::messageRow, MessageRow::createdAt);
    }

    /** One page, newest first; pass the previous page's {@link Page#nextKey()} for older messages. */
    public Page<MessageRow> page(String messageGroupUuid, int limit, Map<String, AttributeValue> startKey) {
        return query.page(TableItems.messagePk(messageGroupUuid), limit, startKey);
    }

    public Page<MessageRow> newest(String messageGroupUuid) {
        return page(messageGroupUuid, DEFAULT_PAGE, null);
    }

    /** The whole conversation, newest first. */
    public Page<MessageRow> all(String messageGroupUuid) {
        return query.all(TableItems.messagePk(messageGroupUuid));
    }
}
