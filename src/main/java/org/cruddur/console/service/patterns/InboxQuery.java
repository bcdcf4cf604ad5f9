package org.cruddur.console.service.patterns;

import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pattern B: a user's conversations, most recent first, each naming the other participant and the last message. */
public final class InboxQuery {

    public static final int DEFAULT_PAGE = 50;

    private final PartitionQuery<MessageGroupRow> query;

    public InboxQuery(DynamoSession session) {
        this.query = new PartitionQuery<>(session, TableItems::groupRow, MessageGroupRow::lastMessageAt);
    }

    public Page<MessageGroupRow> page(String userUuid, int limit, Map<String, AttributeValue> startKey) {
        return query.page(TableItems.groupPk(userUuid), limit, startKey);
    }

    public Page<MessageGroupRow> newest(String userUuid) {
        return page(userUuid, DEFAULT_PAGE, null);
    }

    public Page<MessageGroupRow> all(String userUuid) {
        return query.all(TableItems.groupPk(userUuid));
    }
}
