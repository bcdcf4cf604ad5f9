package org.cruddur.console.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.ui.inbox.SpokenConversation;
import org.cruddur.console.service.items.MessageGroupRow;
import org.junit.jupiter.api.Test;

/** What a screen reader hears for a bubble and a conversation row: names, local times, the words. */
class SpokenMessageTest {

    // 3 January 2026, 10:00 in Berlin
    private final MessageTimes times = new MessageTimes(Clock.fixed(Instant.parse("2026-01-03T09:00:00Z"), ZoneId.of("Europe/Berlin")));

    private static ThreadEntry message(String createdAt, String text) {
        MessageRow row = new MessageRow("g1", createdAt, "m1", text, "u-mara", "Mara Quinlan", "mara");
        return new ThreadEntry(row, Map.of(), org.cruddur.console.service.items.Timestamps.parse(createdAt), List.of());
    }

    @Test
    void aBubbleReadsSenderLocalTimeDateAndText() {
        assertThat(SpokenMessage.of(message("2026-01-01T05:30:00.000000+00:00", "Quick question about the deploy"), times))
                .isEqualTo("Mara Quinlan, 06:30, 1 January: Quick question about the deploy");
        // the local day, not UTC's; another year says its year
        assertThat(SpokenMessage.of(message("2025-12-31T23:30:00.000000+00:00", "Happy new year"), times))
                .isEqualTo("Mara Quinlan, 00:30, 1 January: Happy new year");
        assertThat(SpokenMessage.of(message("2025-06-01T10:00:00.000000+00:00", "Old"), times))
                .isEqualTo("Mara Quinlan, 12:00, 1 June 2025: Old");
    }

    @Test
    void aBubbleWithAnUnreadableTimeSaysSoAndWhatIsWrong() {
        ThreadEntry bad = new ThreadEntry(new MessageRow("g1", "yesterday-ish", "m1", "Hi", "u-mara", "Mara Quinlan", "mara"),
                Map.of(), Instant.EPOCH, List.of("bad timestamp: sk 'yesterday-ish'"));
        assertThat(SpokenMessage.of(bad, times))
                .isEqualTo("Mara Quinlan, unreadable time yesterday-ish: Hi. Damaged: bad timestamp: sk 'yesterday-ish'");
    }

    @Test
    void aConversationRowReadsTheOtherPersonWhenAndThePreview() {
        MessageGroupRow g = new MessageGroupRow("u-mara", "2026-01-03T06:00:00.000000+00:00", "g1", "See you\nat six", "u-tobi", "Tobias Okafor", "tobi");
        assertThat(SpokenConversation.of(g, times, null)).isEqualTo("Tobias Okafor, last message 3 h ago: See you at six");
        assertThat(SpokenConversation.of(g, times, "stale_group_row: behind the newest message"))
                .isEqualTo("Tobias Okafor, last message 3 h ago: See you at six. Health check: stale_group_row: behind the newest message");
    }
}
