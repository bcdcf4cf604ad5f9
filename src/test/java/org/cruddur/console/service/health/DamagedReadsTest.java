package org.cruddur.console.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Patterns A and B on the backend's damage: each conversation once in an inbox, every message of a thread shown. */
class DamagedReadsTest {

    static MessagesTable table;
    static DamagedTable t;

    @BeforeAll
    static void damage() {
        table = LocalDynamoDb.freshTable("damaged-reads");
        t = new DamagedTable(table).healthy().damaged();
    }

    @AfterAll
    static void close() {
        table.close();
    }

    @Test
    void inboxShowsADuplicatedConversationOnceAtItsNewestRow() {
        String lena = DamagedTable.LENA.uuid();
        assertThat(table.inbox().allRowsAsStored(lena).rows()).filteredOn(r -> r.messageGroupUuid().equals(t.duplicate)).hasSize(2);

        List<MessageGroupRow> all = table.inbox().all(lena).rows();
        assertThat(all).extracting(MessageGroupRow::messageGroupUuid).doesNotHaveDuplicates().contains(t.duplicate);
        MessageGroupRow shown = all.stream().filter(r -> r.messageGroupUuid().equals(t.duplicate)).findFirst().orElseThrow();
        assertThat(shown.lastMessageAt()).isEqualTo(t.newest(t.duplicate).createdAt());
        assertThat(shown.lastMessage()).isEqualTo("Second");

        // page by page, a page of n holds n different conversations while there are more
        int distinct = all.size();
        Page<MessageGroupRow> page = table.inbox().page(lena, 1, null);
        List<String> seen = new java.util.ArrayList<>();
        while (true) {
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(1);
            page.rows().forEach(r -> seen.add(r.messageGroupUuid()));
            if (!page.hasMore()) {
                break;
            }
            page = table.inbox().page(lena, 1, page.nextKey());
        }
        assertThat(seen).containsAll(all.stream().map(MessageGroupRow::messageGroupUuid).toList());
        assertThat(table.inbox().page(lena, 50, null).rows()).hasSize(distinct);
    }

    @Test
    void aThreadWithBadTimesAndMissingAttributesShowsEveryMessageBadOnesLast() {
        List<MessageRow> thread = table.conversations().all(t.oddMessages).rows();
        assertThat(thread).extracting(MessageRow::message).contains("ping", "pong", "naive", "no handle", "when?");
        assertThat(thread.get(thread.size() - 1).createdAt()).isEqualTo("yesterday");
        assertThat(thread.get(0).message()).isEqualTo("pong");
        MessageRow handleless = thread.stream().filter(m -> m.message().equals("no handle")).findFirst().orElseThrow();
        assertThat(handleless.userHandle()).isNull();

        // pages of two still reach every message, whatever their times
        Page<MessageRow> page = table.conversations().page(t.oddMessages, 2, null);
        int read = page.rows().size();
        while (page.hasMore()) {
            page = table.conversations().page(t.oddMessages, 2, page.nextKey());
            read += page.rows().size();
        }
        assertThat(read).isEqualTo(thread.size());
        Map<String, AttributeValue> raw = t.badTimeMessage;
        assertThat(thread).extracting(MessageRow::messageUuid).contains(TableItems.text(raw, TableItems.MESSAGE_UUID));
    }
}
