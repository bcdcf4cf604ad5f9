package org.cruddur.console.service.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conversations written item by item, as the Cruddur backend and its seed scripts leave them: sort keys in mixed
 * ISO-8601 forms (offsets, no offset, a space separator, with and without microseconds), across New Year.
 */
final class ConversationFixture {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    static final ChatUser RAVI = SeedUsers.DEFAULT.get(3);

    /**
     * Four messages whose text order is not their time order. By instant: 22:00 (A), 23:15 (B), 23:45 (C), 23:50 (D)
     * on 31 Dec 2025 UTC; by text, newest first: B ("2026-..."), A, D, C (a space sorts before 'T').
     */
    static final String A = "2025-12-31T22:00:00+00:00";
    static final String B = "2026-01-01T01:15:00.123456+02:00";
    static final String C = "2025-12-31 23:45:00";
    static final String D = "2025-12-31T19:50:00-04:00";

    private final MessagesTable table;

    ConversationFixture(MessagesTable table) {
        this.table = table;
    }

    /** A conversation of mara and tobi holding one message per time, rows at the last one (by instant) given. */
    List<MessageRow> conversation(String group, List<String> times, String rowsAt) {
        List<MessageRow> written = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            ChatUser sender = i % 2 == 0 ? MARA : TOBI;
            MessageRow m = TableItems.message(group, times.get(i), UUID.randomUUID().toString(), "text " + i + " at " + times.get(i), sender);
            put(TableItems.toItem(m));
            written.add(m);
        }
        MessageRow last = written.stream().filter(m -> m.createdAt().equals(rowsAt)).findFirst().orElseThrow();
        put(TableItems.toItem(TableItems.groupRow(MARA, TOBI, group, last.createdAt(), last.message())));
        put(TableItems.toItem(TableItems.groupRow(TOBI, MARA, group, last.createdAt(), last.message())));
        return written;
    }

    void put(Map<String, AttributeValue> item) {
        table.session().call(c -> c.putItem(p -> p.tableName(table.session().tableName()).item(item)));
    }

    /** A user's group rows, newest first, read as the backend's pattern B reads them (pk = GRP#user, DESC). */
    List<MessageGroupRow> rowsOf(ChatUser user) {
        return query(TableItems.groupPk(user.uuid())).stream().map(TableItems::groupRow).toList();
    }

    List<MessageGroupRow> rowsOf(ChatUser user, String group) {
        return rowsOf(user).stream().filter(r -> group.equals(r.messageGroupUuid())).toList();
    }

    /** A conversation's messages as pattern A reads them (pk = MSG#group, DESC). */
    List<MessageRow> messagesOf(String group) {
        return query(TableItems.messagePk(group)).stream().map(TableItems::messageRow).toList();
    }

    private List<Map<String, AttributeValue>> query(String pk) {
        return table.session().call(c -> c.queryPaginator(q -> q.tableName(table.session().tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                .scanIndexForward(false).consistentRead(true)).items().stream().toList());
    }

    /** Every item of the table, for "nothing written" checks. */
    List<Map<String, AttributeValue>> everything() {
        return table.session().call(c -> c.scanPaginator(s -> s.tableName(table.session().tableName()).consistentRead(true))
                .items().stream().toList());
    }
}
