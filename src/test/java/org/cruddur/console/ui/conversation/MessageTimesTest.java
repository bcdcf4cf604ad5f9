package org.cruddur.console.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MessageTimesTest {

    // 2026-01-03 10:00 in Berlin (09:00 UTC)
    private final MessageTimes times = new MessageTimes(Clock.fixed(Instant.parse("2026-01-03T09:00:00Z"), ZoneId.of("Europe/Berlin")));

    @Test
    void recentTimesAreRelativeOlderOnesUseTheLocalZone() {
        assertThat(times.relative(Instant.parse("2026-01-03T08:59:30Z"))).isEqualTo("just now");
        assertThat(times.relative(Instant.parse("2026-01-03T08:35:00Z"))).isEqualTo("25 min ago");
        assertThat(times.relative(Instant.parse("2026-01-03T06:00:00Z"))).isEqualTo("3 h ago");
        assertThat(times.relative(Instant.parse("2026-01-02T22:30:00Z"))).isEqualTo("yesterday 23:30");
        assertThat(times.relative(Instant.parse("2026-01-02T23:30:00Z"))).isEqualTo("today 00:30"); // past midnight in Berlin
        assertThat(times.relative(Instant.parse("2025-12-24T17:00:00Z"))).isEqualTo("24 Dec 2025");
    }

    @Test
    void bubblesShowLocalClockTimeAndDaysAreLocalDays() {
        Instant lateUtc = Instant.parse("2025-12-31T23:30:00Z"); // already New Year in Berlin
        assertThat(times.clockTime(lateUtc)).isEqualTo("00:30");
        assertThat(times.dayHeading(lateUtc)).isEqualTo("Thursday, 1 January 2026");
        assertThat(times.dayHeading(Instant.parse("2026-01-03T07:00:00Z"))).isEqualTo("Today");
        assertThat(times.dayHeading(Instant.parse("2026-01-02T07:00:00Z"))).isEqualTo("Yesterday");
    }
}
