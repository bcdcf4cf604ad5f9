package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.items.MessagesSchema;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One conversation read afresh, right before it is repaired: its group rows first, then its messages, so that a post
 * landing in between shows as a newer message than the rows read (whose deletion then cancels the repair), never as
 * rows newer than every message read.
 */
final class ConversationReader {

    private final DynamoSession session;

    ConversationReader(DynamoSession session) {
        this.session = session;
    }

    ConversationSummary read(String groupUuid, Set<String> knownParticipants, ReadCapacityBudget budget, BooleanSupplier cancelled) {
        Map<String, Map<String, AttributeValue>> rows = new LinkedHashMap<>();
        Set<String> people = new LinkedHashSet<>(knownParticipants);
        // the GSI finds every owner's rows but may lag; each owner's own partition, read strongly, is the truth
        query(QueryRequest.builder().tableName(session.tableName()).indexName(MessagesSchema.GSI_NAME)
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(groupUuid))), budget, cancelled, page -> {
                    for (Map<String, AttributeValue> item : page) {
                        if (TableItems.isGroupItem(item)) {
                            rows.put(keyText(item), item);
                            people.add(TableItems.text(item, TableItems.PK).substring(TableItems.GROUP_PREFIX.length()));
                        }
                    }
                });
        for (String person : people) {
            String pk = TableItems.groupPk(person);
            rows.values().removeIf(item -> pk.equals(TableItems.text(item, TableItems.PK)));
            query(QueryRequest.builder().tableName(session.tableName()).consistentRead(true)
                    .keyConditionExpression("pk = :pk").filterExpression("message_group_uuid = :g")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":g", AttributeValue.fromS(groupUuid))),
                    budget, cancelled, page -> page.forEach(item -> rows.put(keyText(item), item)));
        }
        HealthScan one = new HealthScan(new FindingList());
        one.accept(rows.values());
        query(QueryRequest.builder().tableName(session.tableName()).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid)))),
                budget, cancelled, one::accept);
        ConversationSummary summary = one.conversations().get(groupUuid);
        return summary != null ? summary : new ConversationSummary(groupUuid);
    }

    /** Whether a message newer than {@code newestSk} is in the conversation now (a post that landed meanwhile). */
    boolean hasMessageAfter(String groupUuid, String newestSk) {
        QueryResponse newest = session.call(c -> c.query(QueryRequest.builder().tableName(session.tableName())
                .consistentRead(true).scanIndexForward(false).limit(25)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.messagePk(groupUuid))))
                .build()));
        if (newestSk == null) {
            return !newest.items().isEmpty();
        }
        ConversationSummary probe = new ConversationSummary(groupUuid);
        probe.addMessage(newestSk, ItemRules.time(newestSk) == null ? null : ItemRules.time(newestSk).at(),
                org.cruddur.console.service.items.Timestamps.isCanonical(newestSk), null, null, null, null);
        for (Map<String, AttributeValue> item : newest.items()) {
            String sk = TableItems.text(item, TableItems.SK);
            ItemRules.SortKeyTime time = ItemRules.time(sk);
            if (time == null) {
                continue;
            }
            probe.addMessage(sk, time.at(), time.canonical(), null, null, null, null);
        }
        return !newestSk.equals(probe.newestSk);
    }

    /** Every page of a query, each read within the budget. */
    private void query(QueryRequest.Builder request, ReadCapacityBudget budget, BooleanSupplier cancelled,
                       Consumer<List<Map<String, AttributeValue>>> onPage) {
        Map<String, AttributeValue> start = null;
        do {
            int limit = budget.beforeRead(cancelled);
            if (limit > 0) {
                request.limit(limit);
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = session.call(c -> c.query(request.build()));
            budget.afterRead(limit, response.consumedCapacity() == null ? null : response.consumedCapacity().capacityUnits(),
                    response.scannedCount());
            onPage.accept(new ArrayList<>(response.items()));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? new HashMap<>(response.lastEvaluatedKey()) : null;
        } while (start != null);
    }

    static String keyText(Map<String, AttributeValue> item) {
        return TableItems.text(item, TableItems.PK) + "\n" + TableItems.text(item, TableItems.SK);
    }
}
