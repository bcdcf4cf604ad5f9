package org.cruddur.console.service;

import org.cruddur.console.service.items.Timestamps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesUtcWithFixedMicrosecondsAndOffset() {
        assertThat(Timestamps.format(Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo("2025-12-31T23:59:59.000000+00:00");
        assertThat(Timestamps.format(Instant.parse("2026-01-01T00:00:00.123456789Z"))).isEqualTo("2026-01-01T00:00:00.123456+00:00");
    }

    @Test
    void readsEveryFormPythonIsoformatWrites() {
        Instant expected = Instant.parse("2023-04-09T06:03:47.295000Z");
        assertThat(Timestamps.parse("2023-04-09T06:03:47.295000+00:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2023-04-09T16:03:47.295000+10:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2023-04-09T06:03:47.295000")).isEqualTo(expected);
        assertThat(Timestamps.parse("2023-04-09 06:03:47.295000")).isEqualTo(expected);
        assertThat(Timestamps.parse("2023-04-09T06:03:47.295Z")).isEqualTo(expected);
        assertThat(Timestamps.parse("2023-04-09T06:03:47+00:00")).isEqualTo(Instant.parse("2023-04-09T06:03:47Z"));
        assertThat(Timestamps.parse("2023-04-09T01:03:47-05:00")).isEqualTo(Instant.parse("2023-04-09T06:03:47Z"));
    }

    @Test
    void ordersByInstantNotByText() {
        List<String> sks = new ArrayList<>(List.of(
                "2023-04-09T10:00:00+10:00",        // 00:00 UTC: oldest, though it sorts last as text
                "2023-04-09T01:00:00.000001+00:00",
                "2023-04-09T00:30:00"));
        sks.sort(Timestamps.BY_INSTANT);
        assertThat(sks).containsExactly("2023-04-09T10:00:00+10:00", "2023-04-09T00:30:00", "2023-04-09T01:00:00.000001+00:00");
    }

    @Test
    void ourFormatSortsAsTextInTimeOrder() {
        String a = Timestamps.format(Instant.parse("2025-12-31T23:59:59.999999Z"));
        String b = Timestamps.format(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(a.compareTo(b)).isNegative();
    }

    @Test
    void rejectsGarbageWithOneLine() {
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(ConsoleException.class)
                .hasMessage("Not an ISO-8601 timestamp: 'yesterday'");
        assertThat(Timestamps.tryParse("MSG#2023")).isEmpty();
    }

    @Test
    void nextAfterIsOneMicrosecondLater() {
        Instant t = Instant.parse("2026-01-01T00:00:00.000001Z");
        assertThat(Timestamps.format(Timestamps.nextAfter(t))).isEqualTo("2026-01-01T00:00:00.000002+00:00");
    }

    @Test
    void onlyOurOwnFormatIsCanonical() {
        assertThat(Timestamps.isCanonical(Timestamps.format(Instant.parse("2025-12-31T23:59:59Z")))).isTrue();
        assertThat(Timestamps.isCanonical("2023-04-09T06:03:47.295000+00:00")).isTrue();
        assertThat(Timestamps.isCanonical("2023-04-09T16:03:47.295000+10:00")).isFalse();
        assertThat(Timestamps.isCanonical("2023-04-09 06:03:47.295000+00:00")).isFalse();
        assertThat(Timestamps.isCanonical("2023-04-09T06:03:47.295Z")).isFalse();
        assertThat(Timestamps.isCanonical("2023-04-09T06:03:47.29500x+00:00")).isFalse();
        assertThat(Timestamps.isCanonical("2023/04/09T06:03:47.295000+00:00")).isFalse();
        assertThat(Timestamps.isCanonical(null)).isFalse();
    }
}
