package org.cruddur.console.service.patterns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pattern B on damaged data: a user holding several group rows for one conversation (the stream Lambda racing itself)
 * still sees the conversation once, at its newest row. Pages are read newest first, so the first row of a
 * conversation is its newest and later ones are dropped.
 */
final class OneRowPerConversation {

    private OneRowPerConversation() {
    }

    /**
     * Up to {@code limit} conversations from {@code startKey}: reads further pages (never more than {@code limit} rows
     * in all) while duplicates left the page short and the partition goes on.
     */
    public static Page<MessageGroupRow> page(BiFunction<Integer, Map<String, AttributeValue>, Page<MessageGroupRow>> read,
                                             int limit, Map<String, AttributeValue> startKey) {
        Set<String> seen = new HashSet<>();
        List<MessageGroupRow> rows = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int readSoFar = 0;
        Page<MessageGroupRow> page;
        Map<String, AttributeValue> next = startKey;
        do {
            page = read.apply(limit - readSoFar, next);
            readSoFar += page.rows().size();
            keepNewest(page, seen, rows, items);
            next = page.nextKey();
        } while (rows.size() < limit && readSoFar < limit && page.hasMore());
        return new Page<>(rows, items, page.nextKey());
    }

    /** Every conversation once, at its newest row. */
    public static Page<MessageGroupRow> all(Page<MessageGroupRow> page) {
        List<MessageGroupRow> rows = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        keepNewest(page, new HashSet<>(), rows, items);
        return new Page<>(rows, items, page.nextKey());
    }

    private static void keepNewest(Page<MessageGroupRow> page, Set<String> seen, List<MessageGroupRow> rows,
                                   List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < page.rows().size(); i++) {
            MessageGroupRow row = page.rows().get(i);
            // a row without a conversation id is still shown: nothing to merge it with
            if (row.messageGroupUuid() == null || seen.add(row.messageGroupUuid())) {
                rows.add(row);
                items.add(page.items().get(i));
            }
        }
    }
}
