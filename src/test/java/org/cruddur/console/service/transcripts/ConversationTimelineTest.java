package org.cruddur.console.service.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Find, before / after and the page around a point, on DynamoDB Local, over a conversation across New Year whose
 * sk mix seven forms. Small Query pages (7 items) make every answer cross many page edges.
 */
class ConversationTimelineTest {

    static MessagesTable table;
    static MixedTimesConversation conversation;
    static ConversationTimeline timeline;

    @BeforeAll
    static void open() {
        table = LocalDynamoDb.freshTable("timeline");
        conversation = MixedTimesConversation.write(table, 600);
        timeline = new ConversationTimeline(table.session(), 7);
    }

    @AfterAll
    static void close() {
        table.close();
    }

    private static List<String> ids(List<TimelineMessage> messages) {
        return messages.stream().map(m -> m.row().messageUuid()).toList();
    }

    private static List<String> sentIds(List<MixedTimesConversation.Sent> sent) {
        return sent.stream().map(MixedTimesConversation.Sent::messageUuid).toList();
    }

    private static List<MixedTimesConversation.Sent> expectedBefore(Instant t) {
        List<MixedTimesConversation.Sent> out = new ArrayList<>();
        for (MixedTimesConversation.Sent s : conversation.oldestFirst) {
            if (s.at().isBefore(t)) {
                out.add(0, s);
            }
        }
        return out;
    }

    private static List<MixedTimesConversation.Sent> expectedAfter(Instant t) {
        return conversation.oldestFirst.stream().filter(s -> s.at().isAfter(t)).toList();
    }

    @Test
    void theWholeConversationComesInTimeOrderThoughTextOrderDiffers() {
        List<TimelineMessage> all = new ArrayList<>();
        timeline.walk(conversation.group, ConversationTimeline.Direction.OLDEST_FIRST, null, null, () -> false, all::add);
        assertThat(ids(all)).isEqualTo(sentIds(conversation.oldestFirst));
        List<TimelineMessage> newest = new ArrayList<>();
        timeline.walk(conversation.group, ConversationTimeline.Direction.NEWEST_FIRST, null, null, () -> false, newest::add);
        List<String> reversed = new ArrayList<>(sentIds(conversation.oldestFirst));
        java.util.Collections.reverse(reversed);
        assertThat(ids(newest)).isEqualTo(reversed);
        // the fixture really is out of text order: otherwise this test proves nothing
        List<String> sks = conversation.oldestFirst.stream().map(MixedTimesConversation.Sent::sk).toList();
        assertThat(sks).isNotEqualTo(sks.stream().sorted().toList());
    }

    @Test
    void beforeAndAfterAreStrictAndLandRightForEveryFormOfTime() {
        List<String> times = List.of(
                "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00", "2026-01-01 00:00:00.000000",
                "2026-01-01T10:00:00+10:00", "2025-12-31T19:00:00-05:00", "2026-01-01T00:00:00Z",
                "2025-12-31T23:59:59.999999+00:00", "2026-01-02T03:04:05.5+01:00");
        for (String time : times) {
            Instant t = Timestamps.parse(time);
            assertThat(ids(timeline.before(conversation.group, t, 25).messages())).as("before " + time)
                    .isEqualTo(sentIds(expectedBefore(t).subList(0, 25)));
            assertThat(ids(timeline.after(conversation.group, t, 25).messages())).as("after " + time)
                    .isEqualTo(sentIds(expectedAfter(t).subList(0, 25)));
            assertThat(ids(timeline.before(conversation.group, t, Integer.MAX_VALUE).messages())).isEqualTo(sentIds(expectedBefore(t)));
            assertThat(ids(timeline.after(conversation.group, t, Integer.MAX_VALUE).messages())).isEqualTo(sentIds(expectedAfter(t)));
        }
        // exactly at a message's instant: that message is in neither
        MixedTimesConversation.Sent m = conversation.oldestFirst.get(300);
        assertThat(ids(timeline.before(conversation.group, m.at(), 1).messages())).containsExactly(conversation.oldestFirst.get(299).messageUuid());
        assertThat(ids(timeline.after(conversation.group, m.at(), 1).messages())).containsExactly(conversation.oldestFirst.get(301).messageUuid());
        assertThat(timeline.before(conversation.group, conversation.oldestFirst.get(0).at(), 10).messages()).isEmpty();
        assertThat(timeline.after(conversation.group, conversation.oldestFirst.get(599).at(), 10).more()).isFalse();
    }

    @Test
    void aroundAnInstantStartsAtTheNewestMessageAtOrBeforeIt() {
        MixedTimesConversation.Sent exact = conversation.oldestFirst.get(123);
        Instant between = exact.at().plusSeconds(60);
        for (Instant t : List.of(exact.at(), between)) {
            ConversationTimeline.Around around = timeline.aroundInstant(conversation.group, t, 40);
            assertThat(around.older().messages().get(0).row().messageUuid()).isEqualTo(exact.messageUuid());
            assertThat(ids(around.older().messages())).isEqualTo(sentIds(expectedBefore(exact.at().plusNanos(1_000)).subList(0, 40)));
            assertThat(ids(around.newer().messages())).isEqualTo(sentIds(expectedAfter(exact.at()).subList(0, 40)));
            assertThat(around.older().more()).isTrue();
            assertThat(around.newer().more()).isTrue();
        }
        ConversationTimeline.Around beforeAll = timeline.aroundInstant(conversation.group, Instant.parse("2020-01-01T00:00:00Z"), 40);
        assertThat(beforeAll.older().messages()).isEmpty();
        assertThat(beforeAll.newer().messages().get(0).row().messageUuid()).isEqualTo("m-0");
    }

    @Test
    void aroundAMessageHoldsItFirstAmongTheOlderPage() {
        MixedTimesConversation.Sent target = conversation.oldestFirst.get(460);
        TimelineMessage found = timeline.find(conversation.group, new TextMatch("REFUND NOW 460"), 1, () -> false).messages().get(0);
        ConversationTimeline.Around around = timeline.aroundMessage(conversation.group, found.position(), 30);
        assertThat(around.older().messages().get(0).row().messageUuid()).isEqualTo(target.messageUuid());
        assertThat(around.newer().messages().get(0).row().messageUuid()).isEqualTo(conversation.oldestFirst.get(461).messageUuid());
    }

    @Test
    void findReturnsExactlyTheMatchingMessagesNewestFirst() {
        List<MixedTimesConversation.Sent> expected = conversation.refundsNewestFirst();
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(ids(timeline.find(conversation.group, new TextMatch("refund"), Integer.MAX_VALUE, () -> false).messages()))
                .isEqualTo(sentIds(expected));
        ConversationTimeline.Slice first = timeline.find(conversation.group, new TextMatch("REFUND"), 10, () -> false);
        assertThat(ids(first.messages())).isEqualTo(sentIds(expected.subList(0, 10)));
        assertThat(first.more()).isTrue();
        // other mixes of case are not found: the rule the UI and README state
        assertThat(timeline.find(conversation.group, new TextMatch("odd case"), Integer.MAX_VALUE, () -> false).messages())
                .allMatch(m -> m.row().message().startsWith("rEfUnD"));
        assertThat(timeline.find(conversation.group, new TextMatch("rEfUnD in"), 5, () -> false).messages()).hasSize(5);
        assertThat(timeline.find(conversation.group, new TextMatch("no such words"), 5, () -> false).messages()).isEmpty();
    }

    @Test
    void blankTextAndCancelAreRefused() {
        assertThatThrownBy(() -> new TextMatch("  ")).isInstanceOf(ConsoleException.class);
        assertThatThrownBy(() -> timeline.find(conversation.group, new TextMatch("refund"), 10, () -> true))
                .isInstanceOf(ConsoleException.class).extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.CANCELLED);
    }
}
