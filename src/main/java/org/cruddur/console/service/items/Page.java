package org.cruddur.console.service.items;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a query or scan: the mapped rows, the raw items behind them (same order), and the key to
 * continue from ({@code null} on the last page).
 */
public record Page<T>(List<T> rows, List<Map<String, AttributeValue>> items, Map<String, AttributeValue> nextKey) {

    public Page {
        rows = List.copyOf(rows);
        items = List.copyOf(items);
        nextKey = nextKey == null || nextKey.isEmpty() ? null : Map.copyOf(nextKey);
    }

    public boolean hasMore() {
        return nextKey != null;
    }
}
