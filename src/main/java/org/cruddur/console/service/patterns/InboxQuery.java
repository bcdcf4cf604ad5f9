package org.cruddur.console.service.patterns;

import org.cruddur.console.service.ConsoleException;
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

    /** Each conversation once, at its newest row, even where the backend left a user several rows for it. */
    public Page<MessageGroupRow> page(String userUuid, int limit, Map<String, AttributeValue> startKey) {
        if (limit < 1) {
            throw ConsoleException.validation("Page size must be at least 1");
        }
        return OneRowPerConversation.page((n, from) -> query.page(TableItems.groupPk(userUuid), n, from), limit, startKey);
    }

    public Page<MessageGroupRow> newest(String userUuid) {
        return page(userUuid, DEFAULT_PAGE, null);
    }

    /** Every group row of the user as stored, duplicates included (what a check or a test needs to see). */
    public Page<MessageGroupRow> allRowsAsStored(String userUuid) {
        return query.all(TableItems.groupPk(userUuid));
    }

    public Page<MessageGroupRow> all(String userUuid) {
        return OneRowPerConversation.all(query.all(TableItems.groupPk(userUuid)));
    }
}
