package org.cruddur.console.service.patterns;

import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The group rows that list one conversation for its participants: the one home of that look-up. */
public final class ConversationGroupRows {

    private final DynamoSession session;

    public ConversationGroupRows(DynamoSession session) {
        this.session = session;
    }

    /**
     * The group rows of a conversation, through the GSI (only group rows carry message_group_uuid). The GSI is
     * eventually consistent, so a participant missing there is looked up with a strongly consistent read of
     * their own partition; stale rows are caught by the transaction's conditions.
     */
    public List<MessageGroupRow> of(String groupUuid) {
        List<MessageGroupRow> rows = new ArrayList<>();
        session.call(c -> {
            c.queryPaginator(QueryRequest.builder()
                    .tableName(session.tableName())
                    .indexName(MessagesSchema.GSI_NAME)
                    .keyConditionExpression("message_group_uuid = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(groupUuid)))
                    .build()).items().forEach(item -> {
                        if (TableItems.isGroupItem(item)) {
                            rows.add(TableItems.groupRow(item));
                        }
                    });
            return null;
        });
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> owners = rows.stream().map(MessageGroupRow::ownerUuid).distinct().toList();
        List<String> named = rows.stream().map(MessageGroupRow::otherUserUuid).distinct().toList();
        for (String participant : named) {
            if (!owners.contains(participant)) {
                rows.addAll(consistentRows(participant, groupUuid));
            }
        }
        return rows;
    }

    private List<MessageGroupRow> consistentRows(String ownerUuid, String groupUuid) {
        return session.call(c -> c.queryPaginator(QueryRequest.builder()
                .tableName(session.tableName())
                .keyConditionExpression("pk = :pk")
                .filterExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.groupPk(ownerUuid)),
                        ":g", AttributeValue.fromS(groupUuid)))
                .consistentRead(true)
                .build()).items().stream().map(TableItems::groupRow).toList());
    }
}
