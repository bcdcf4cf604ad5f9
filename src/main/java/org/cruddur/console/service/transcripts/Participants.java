package org.cruddur.console.service.transcripts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Who is in a conversation, read before its messages so a streamed export can name them first: the group rows
 * found through the GSI (each names its owner by pk and the other person by attributes), completed from the
 * senders of the newest messages where a row is missing.
 */
final class Participants {

    private Participants() {
    }

    static List<Participant> of(DynamoSession session, String groupUuid) {
        Map<String, Participant> people = new LinkedHashMap<>();
        QueryRequest.Builder gsi = QueryRequest.builder().tableName(session.tableName()).indexName(MessagesSchema.GSI_NAME)
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(groupUuid)));
        Map<String, AttributeValue> start = null;
        do {
            if (start != null) {
                gsi.exclusiveStartKey(start);
            }
            QueryResponse r = session.call(c -> c.query(gsi.build()));
            for (Map<String, AttributeValue> item : r.items()) {
                if (!TableItems.isGroupItem(item)) {
                    continue;
                }
                String owner = TableItems.text(item, TableItems.PK).substring(TableItems.GROUP_PREFIX.length());
                people.putIfAbsent(owner, new Participant(owner, null, null));
                add(people, TableItems.text(item, TableItems.USER_UUID), TableItems.text(item, TableItems.USER_HANDLE),
                        TableItems.text(item, TableItems.USER_DISPLAY_NAME));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        if (people.size() < 2 || people.values().stream().anyMatch(p -> p.handle() == null)) {
            QueryResponse newest = session.call(c -> c.query(QueryRequest.builder().tableName(session.tableName())
                    .keyConditionExpression("pk = :pk").scanIndexForward(false).limit(100)
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid)))).build()));
            for (Map<String, AttributeValue> item : newest.items()) {
                add(people, TableItems.text(item, TableItems.USER_UUID), TableItems.text(item, TableItems.USER_HANDLE),
                        TableItems.text(item, TableItems.USER_DISPLAY_NAME));
            }
        }
        return new ArrayList<>(people.values());
    }

    private static void add(Map<String, Participant> people, String uuid, String handle, String name) {
        if (uuid == null || uuid.isBlank()) {
            return;
        }
        Participant known = people.get(uuid);
        if (known == null || known.handle() == null) {
            people.put(uuid, new Participant(uuid, handle, name));
        }
    }
}
