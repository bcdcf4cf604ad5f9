package org.cruddur.console.service;

import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.seeding.Seeder;
import org.cruddur.console.service.table.MessagesTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SeederTest {

    MessagesTable table;

    @BeforeEach
    void open() {
        table = LocalDynamoDb.freshTable("seed");
    }

    @AfterEach
    void close() {
        table.close();
    }

    private List<Map<String, AttributeValue>> allItems() {
        return table.scanner().page(100_000, null, null).items();
    }

    @Test
    void seedsTheSeedShapesAndReportsProgress() {
        SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT, 4, 203);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();
        Seeder.SeedReport report = table.seeder().seed(plan, (done, total) -> {
            lastDone.accumulateAndGet(done, Math::max);
            lastTotal.set(total);
        }, () -> false);
        assertThat(report.itemsWritten()).isEqualTo(203 + 8);
        assertThat(lastDone.get()).isEqualTo(211);
        assertThat(lastTotal.get()).isEqualTo(211);
        List<Map<String, AttributeValue>> items = allItems();
        assertThat(items).hasSize(211);
        assertThat(items.stream().filter(TableItems::isMessageItem)).hasSize(203)
                .allSatisfy(i -> assertThat(i).containsKeys("pk", "sk", "message", "message_uuid", "user_uuid", "user_display_name", "user_handle"));
        assertThat(items.stream().filter(TableItems::isGroupItem)).hasSize(8)
                .allSatisfy(i -> assertThat(i).containsKeys("pk", "sk", "message_group_uuid", "message", "user_uuid", "user_display_name", "user_handle"));

        // every group row points at its conversation's newest message, naming the other participant
        ChatUser mara = SeedUsers.DEFAULT.get(0);
        List<MessageGroupRow> inbox = table.inbox().all(mara.uuid()).rows();
        assertThat(inbox).hasSize(4);
        for (MessageGroupRow row : inbox) {
            MessageRow newest = table.conversations().newest(row.messageGroupUuid()).rows().get(0);
            assertThat(row.lastMessageAt()).isEqualTo(newest.createdAt());
            assertThat(row.lastMessage()).isEqualTo(newest.message());
            assertThat(row.otherUserUuid()).isNotEqualTo(mara.uuid());
        }
        // the longest conversations cross New Year
        String first = inbox.get(0).messageGroupUuid();
        List<MessageRow> all = table.conversations().all(first).rows();
        assertThat(all).hasSize(51);
        assertThat(all.get(0).createdAt()).startsWith("2026-01-01");
        assertThat(all.get(50).createdAt()).startsWith("2025-12-31");
        assertThat(all).extracting(MessageRow::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void seedingTwiceWritesNoDuplicatesAndKeepsNewerPosts() {
        SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT, 3, 60);
        table.seeder().seed(plan, (d, t) -> { }, () -> false);
        PostResult posted = table.post().toUser("@mara", "@tobi", "after seeding");
        table.seeder().seed(plan, (d, t) -> { }, () -> false);
        assertThat(allItems()).hasSize(60 + 6 + 1);
        List<MessageGroupRow> maras = table.inbox().allRowsAsStored(SeedUsers.DEFAULT.get(0).uuid()).rows();
        assertThat(maras).hasSize(3);
        assertThat(maras.get(0).lastMessage()).isEqualTo("after seeding");
        assertThat(maras.get(0).lastMessageAt()).isEqualTo(posted.createdAt());
    }

    @Test
    void moreConversationsThanPairsAddsDeterministicGuests() {
        SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT.subList(0, 2), 5, 10);
        assertThat(plan.users()).hasSizeGreaterThan(2);
        Set<String> groups = new HashSet<>();
        plan.plannedConversations().forEach(c -> groups.add(c.groupUuid()));
        assertThat(groups).hasSize(5);
        assertThat(new SeedPlan(SeedUsers.DEFAULT.subList(0, 2), 5, 10).plannedConversations().get(4))
                .isEqualTo(plan.plannedConversations().get(4));
    }

    @Test
    void cancelStopsEarlyWithAOneLineMessage() {
        SeedPlan plan = new SeedPlan(SeedUsers.DEFAULT, 2, 2_000);
        AtomicLong progress = new AtomicLong();
        assertThatThrownBy(() -> table.seeder().seed(plan, (d, t) -> progress.set(d), () -> progress.get() >= 100))
                .isInstanceOf(ConsoleException.class)
                .hasMessageStartingWith("Seed cancelled after")
                .extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.CANCELLED);
        assertThat(allItems().size()).isBetween(100, 1_999);
    }

    @Test
    void invalidSizesAreRefused() {
        assertThatThrownBy(() -> new SeedPlan(SeedUsers.DEFAULT, 0, 10)).isInstanceOf(ConsoleException.class);
        assertThatThrownBy(() -> new SeedPlan(SeedUsers.DEFAULT, 10, 5)).hasMessageContaining("Messages must be between");
    }
}
