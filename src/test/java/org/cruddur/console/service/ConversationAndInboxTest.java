package org.cruddur.console.service;

import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Patterns A and B against the real DynamoDB Local. */
class ConversationAndInboxTest {

    static MessagesTable table;
    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);

    @BeforeAll
    static void open() {
        table = LocalDynamoDb.freshTable("patterns");
    }

    @AfterAll
    static void close() {
        table.close();
    }

    private static void put(Map<String, AttributeValue> item) {
        table.session().call(c -> c.putItem(p -> p.tableName(table.session().tableName()).item(item)));
    }

    @Test
    void conversationAcrossNewYearReadsWholeAndNewestFirst() {
        String group = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-12-31T23:00:00Z");
        for (int i = 0; i < 12; i++) {
            String at = Timestamps.format(start.plus(Duration.ofMinutes(10L * i)));
            put(TableItems.toItem(TableItems.message(group, at, "m" + i, "message " + i, i % 2 == 0 ? MARA : TOBI)));
        }
        Page<MessageRow> all = table.conversations().all(group);
        assertThat(all.rows()).hasSize(12);
        assertThat(all.rows().get(0).message()).isEqualTo("message 11");
        assertThat(all.rows().get(11).message()).isEqualTo("message 0");
        assertThat(all.rows().stream().map(MessageRow::createdAt).toList())
                .anyMatch(sk -> sk.startsWith("2025")).anyMatch(sk -> sk.startsWith("2026"));
        assertThat(all.hasMore()).isFalse();
    }

    @Test
    void conversationPagesFollowLastEvaluatedKeyWithoutGapsOrRepeats() {
        String group = UUID.randomUUID().toString();
        Instant start = Instant.parse("2024-03-01T12:00:00Z");
        for (int i = 0; i < 23; i++) {
            put(TableItems.toItem(TableItems.message(group, Timestamps.format(start.plusSeconds(i)), "m" + i, "n" + i, MARA)));
        }
        List<String> seen = new ArrayList<>();
        Page<MessageRow> page = table.conversations().page(group, 10, null);
        int pages = 1;
        seen.addAll(page.rows().stream().map(MessageRow::message).toList());
        while (page.hasMore()) {
            page = table.conversations().page(group, 10, page.nextKey());
            seen.addAll(page.rows().stream().map(MessageRow::message).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            expected.add("n" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(table.conversations().page(group, 10, null).items().get(0).get("pk").s()).isEqualTo("MSG#" + group);
    }

    @Test
    void backendShapedDataReadsBackInInstantOrder() {
        // as the Python backend writes it: isoformat() with and without microseconds, with other offsets, naive
        String group = UUID.randomUUID().toString();
        put(TableItems.toItem(TableItems.message(group, "2023-04-09T06:03:47.295000+00:00", "a", "second", MARA)));
        put(TableItems.toItem(TableItems.message(group, "2023-04-09T06:05:00+00:00", "b", "third", TOBI)));
        put(TableItems.toItem(TableItems.message(group, "2023-04-09T15:00:00+10:00", "c", "first", TOBI)));   // 05:00 UTC
        put(TableItems.toItem(TableItems.message(group, "2023-04-09T06:10:00.5", "d", "fourth", MARA)));   // naive = UTC
        Page<MessageRow> all = table.conversations().all(group);
        assertThat(all.rows().stream().map(MessageRow::message)).containsExactly("fourth", "third", "second", "first");
        assertThat(all.items().get(0).get("message_uuid").s()).isEqualTo("d");
        assertThat(all.rows().get(3).createdAtInstant()).isEqualTo(Instant.parse("2023-04-09T05:00:00Z"));
    }

    @Test
    void inboxListsConversationsNewestFirstAndPages() {
        ChatUser owner = new ChatUser(UUID.randomUUID().toString(), "owner", "Owner");
        Instant start = Instant.parse("2025-12-30T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            ChatUser other = new ChatUser(UUID.randomUUID().toString(), "other" + i, "Other " + i);
            put(TableItems.toItem(TableItems.groupRow(owner, other, UUID.randomUUID().toString(),
                    Timestamps.format(start.plus(Duration.ofHours(12L * i))), "last " + i)));
        }
        Page<MessageGroupRow> first = table.inbox().page(owner.uuid(), 3, null);
        assertThat(first.rows()).extracting(MessageGroupRow::lastMessage).containsExactly("last 6", "last 5", "last 4");
        assertThat(first.rows().get(0).otherUserHandle()).isEqualTo("other6");
        assertThat(first.hasMore()).isTrue();
        Page<MessageGroupRow> second = table.inbox().page(owner.uuid(), 3, first.nextKey());
        assertThat(second.rows()).extracting(MessageGroupRow::lastMessage).containsExactly("last 3", "last 2", "last 1");
        assertThat(table.inbox().all(owner.uuid()).rows()).hasSize(7);
    }

    @Test
    void unknownUserHasNoConversations() {
        assertThat(table.inbox().newest(UUID.randomUUID().toString()).rows()).isEmpty();
    }
}
