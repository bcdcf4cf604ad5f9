package org.cruddur.console.service.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes into a table the damage the Cruddur backend leaves: pattern C writes its rows without a transaction, and
 * pattern D's stream Lambda reads only {@code Records[0]}, races with itself and can fail. Each damaged conversation
 * holds one kind of damage, made by the same raw writes the backend makes; healthy conversations are posted through
 * the console and must stay untouched.
 */
public final class DamagedTable {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    static final ChatUser LENA = SeedUsers.DEFAULT.get(2);
    static final ChatUser RAVI = SeedUsers.DEFAULT.get(3);
    static final ChatUser INES = SeedUsers.DEFAULT.get(4);

    final MessagesTable table;
    public String healthyA;
    String healthyB;
    /** Lena holds two rows: the Lambda of an earlier message put its row after the later one's Lambda ran. */
    public String duplicate;
    Map<String, AttributeValue> duplicateRow;
    /** A message whose Lambda never ran (only Records[0] of its batch was read): both rows behind it. */
    public String stale;
    /** The Lambda deleted Mara's old row, then failed before putting the new one. */
    public String missingOne;
    /** Pattern C wrote the messages; no Lambda ever wrote a group row. */
    public String missingBoth;
    /** Group rows of a conversation whose first message was never written (pattern C is not a transaction). */
    public String orphan;
    /** Mara's row names Ravi: three people in one conversation. */
    String mismatch;
    /** Inês wrote into Lena and Ravi's conversation (nothing checks the sender). */
    String intruded;
    Map<String, AttributeValue> intruderMessage;
    /** One conversation with a bad time, a naive time and a message without its sender's handle, all older messages. */
    public String oddMessages;
    Map<String, AttributeValue> badTimeMessage;
    Map<String, AttributeValue> naiveTimeMessage;
    Map<String, AttributeValue> handlelessMessage;
    /** Inês's row names Inês herself. */
    String self;
    Map<String, AttributeValue> badKeyItem;

    public DamagedTable(MessagesTable table) {
        this.table = table;
    }

    /** Conversations posted through the console only: no finding may name them. */
    public DamagedTable healthy() {
        healthyA = post(MARA, TOBI, "Standup at ten?", "Yes, see you there", "Bring the notes");
        healthyB = post(RAVI, INES, "Olá!", "Hi Ravi");
        return this;
    }

    public DamagedTable damaged() {
        duplicate = post(MARA, LENA, "First", "Second");
        MessageRow first = oldest(duplicate);
        duplicateRow = TableItems.toItem(TableItems.groupRow(LENA, MARA, duplicate, first.createdAt(), first.message()));
        put(duplicateRow);

        stale = post(TOBI, LENA, "One", "Two");
        put(TableItems.toItem(TableItems.message(stale, later(stale, 1), UUID.randomUUID().toString(), "Three, unseen", LENA)));

        missingOne = post(RAVI, MARA, "Hello Mara");
        delete(TableItems.groupPk(MARA.uuid()), newest(missingOne).createdAt());

        missingBoth = UUID.randomUUID().toString();
        put(TableItems.toItem(TableItems.message(missingBoth, Timestamps.format(Instant.parse("2026-11-20T09:00:00Z")),
                UUID.randomUUID().toString(), "Anyone there?", TOBI)));
        put(TableItems.toItem(TableItems.message(missingBoth, Timestamps.format(Instant.parse("2026-11-20T09:05:00Z")),
                UUID.randomUUID().toString(), "Yes!", INES)));

        orphan = UUID.randomUUID().toString();
        String orphanAt = Timestamps.format(Instant.parse("2026-11-21T10:00:00Z"));
        put(TableItems.toItem(TableItems.groupRow(LENA, INES, orphan, orphanAt, "lost")));
        put(TableItems.toItem(TableItems.groupRow(INES, LENA, orphan, orphanAt, "lost")));

        mismatch = UUID.randomUUID().toString();
        String mismatchAt = Timestamps.format(Instant.parse("2026-11-22T08:00:00Z"));
        put(TableItems.toItem(TableItems.message(mismatch, mismatchAt, UUID.randomUUID().toString(), "hey", MARA)));
        put(TableItems.toItem(TableItems.groupRow(MARA, RAVI, mismatch, mismatchAt, "hey")));
        put(TableItems.toItem(TableItems.groupRow(TOBI, MARA, mismatch, mismatchAt, "hey")));

        intruded = post(LENA, RAVI, "Lunch?", "Sure");
        intruderMessage = TableItems.toItem(TableItems.message(intruded, earlier(intruded, 5), UUID.randomUUID().toString(), "me too!", INES));
        put(intruderMessage);

        oddMessages = post(TOBI, RAVI, "ping", "pong");
        String naive = earlier(oddMessages, 7).substring(0, 26); // Python's isoformat() of a naive datetime
        String handleless = earlier(oddMessages, 9);
        naiveTimeMessage = TableItems.toItem(TableItems.message(oddMessages, naive, UUID.randomUUID().toString(), "naive", RAVI));
        put(naiveTimeMessage);
        handlelessMessage = TableItems.toItem(TableItems.message(oddMessages, handleless, UUID.randomUUID().toString(), "no handle", RAVI));
        handlelessMessage.remove(TableItems.USER_HANDLE);
        put(handlelessMessage);
        badTimeMessage = TableItems.toItem(TableItems.message(oddMessages, "yesterday", UUID.randomUUID().toString(), "when?", TOBI));
        put(badTimeMessage);

        self = post(INES, MARA, "Bom dia");
        MessageRow selfNewest = newest(self);
        put(TableItems.toItem(TableItems.groupRow(INES, INES, self, selfNewest.createdAt(), selfNewest.message())));

        badKeyItem = new LinkedHashMap<>(Map.of(TableItems.PK, AttributeValue.fromS("USER#42"), TableItems.SK, AttributeValue.fromS("profile"),
                "note", AttributeValue.fromS("written by another tool")));
        put(badKeyItem);
        return this;
    }

    String post(ChatUser from, ChatUser to, String... texts) {
        String group = null;
        for (int i = 0; i < texts.length; i++) {
            ChatUser sender = i % 2 == 0 ? from : to;
            ChatUser other = i % 2 == 0 ? to : from;
            PostResult r = group == null ? table.post().toUser(sender.uuid(), other.uuid(), texts[i])
                    : table.post().toGroup(sender.uuid(), group, texts[i]);
            group = r.messageGroupUuid();
        }
        return group;
    }

    MessageRow newest(String group) {
        return table.conversations().all(group).rows().get(0);
    }

    MessageRow oldest(String group) {
        List<MessageRow> rows = table.conversations().all(group).rows();
        return rows.get(rows.size() - 1);
    }

    String later(String group, int seconds) {
        return Timestamps.format(newest(group).createdAtInstant().plusSeconds(seconds));
    }

    String earlier(String group, int minutes) {
        return Timestamps.format(oldest(group).createdAtInstant().minusSeconds(60L * minutes));
    }

    void put(Map<String, AttributeValue> item) {
        table.session().call(c -> c.putItem(p -> p.tableName(table.session().tableName()).item(item)));
    }

    void delete(String pk, String sk) {
        table.session().call(c -> c.deleteItem(d -> d.tableName(table.session().tableName()).key(TableItems.key(pk, sk))));
    }

    /** Every item of the table, by key, read consistently. */
    Map<String, Map<String, AttributeValue>> snapshot() {
        Map<String, Map<String, AttributeValue>> all = new HashMap<>();
        table.session().call(c -> {
            c.scanPaginator(s -> s.tableName(table.session().tableName()).consistentRead(true)).items()
                    .forEach(i -> all.put(TableItems.text(i, TableItems.PK) + "|" + TableItems.text(i, TableItems.SK), i));
            return null;
        });
        return all;
    }

    /** The message items only. */
    public Map<String, Map<String, AttributeValue>> messages() {
        Map<String, Map<String, AttributeValue>> out = new HashMap<>(snapshot());
        out.values().removeIf(i -> !TableItems.isMessageItem(i));
        return out;
    }

    static List<String> keysOf(List<Finding> findings) {
        List<String> keys = new ArrayList<>();
        findings.forEach(f -> keys.add(f.pk() + "|" + f.sk()));
        return keys;
    }
}
