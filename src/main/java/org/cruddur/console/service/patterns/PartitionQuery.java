package org.cruddur.console.service.patterns;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.session.DynamoSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Newest-first reads of one partition ({@code pk = :pk}), paged with Limit and LastEvaluatedKey; the shared
 * mechanism of patterns A and B. No year filter on sk: a conversation across New Year reads whole.
 */
final class PartitionQuery<T> {

    private final DynamoSession session;
    private final Function<Map<String, AttributeValue>, T> mapper;
    private final Function<T, String> time;

    PartitionQuery(DynamoSession session, Function<Map<String, AttributeValue>, T> mapper, Function<T, String> time) {
        this.session = session;
        this.mapper = mapper;
        this.time = time;
    }

    private QueryRequest.Builder request(String pk) {
        return QueryRequest.builder()
                .tableName(session.tableName())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                .scanIndexForward(false)
                .consistentRead(true);
    }

    Page<T> page(String pk, int limit, Map<String, AttributeValue> startKey) {
        if (limit < 1) {
            throw ConsoleException.validation("Page size must be at least 1");
        }
        QueryRequest.Builder request = request(pk).limit(limit);
        if (startKey != null && !startKey.isEmpty()) {
            request.exclusiveStartKey(startKey);
        }
        QueryResponse response = session.call(c -> c.query(request.build()));
        return toPage(response.items(), response.lastEvaluatedKey());
    }

    /** Every item of the partition, following LastEvaluatedKey to the end with the SDK's paginator. */
    Page<T> all(String pk) {
        List<Map<String, AttributeValue>> items = session.call(c -> {
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            c.queryPaginator(request(pk).build()).items().forEach(all::add);
            return all;
        });
        return toPage(items, null);
    }

    private record Read<T>(T row, Map<String, AttributeValue> item, Instant at) {
    }

    private Page<T> toPage(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> nextKey) {
        List<T> rows = new ArrayList<>(items.size());
        boolean canonical = true;
        for (Map<String, AttributeValue> item : items) {
            T row = mapper.apply(item);
            rows.add(row);
            canonical &= Timestamps.isCanonical(time.apply(row));
        }
        if (canonical) {
            // DynamoDB already returned them newest first, and text order is time order for our own format
            return new Page<>(List.copyOf(rows), List.copyOf(items), nextKey);
        }
        // sk sorts as text; timestamps written by other tools with other offsets are put in instant order here,
        // each parsed once (stable sort, so equal instants keep DynamoDB's order)
        List<Read<T>> reads = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            reads.add(new Read<>(rows.get(i), items.get(i), Timestamps.tryParse(time.apply(rows.get(i))).orElse(Instant.MIN)));
        }
        reads.sort(Comparator.comparing(Read<T>::at).reversed());
        return new Page<>(reads.stream().map(Read::row).toList(), reads.stream().map(Read::item).toList(), nextKey);
    }
}
