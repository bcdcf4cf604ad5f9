package org.cruddur.console.ui.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Message times for people: the local time zone, relative wording for recent moments, day headings. */
public final class MessageTimes {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SPOKEN_DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SPOKEN_DATE_WITH_YEAR = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_HEADING = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);

    private final Clock clock;

    public MessageTimes(Clock clock) {
        this.clock = clock;
    }

    public static MessageTimes systemDefault() {
        return new MessageTimes(Clock.systemDefaultZone());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** For lists: "just now", "5 min ago", "3 h ago", "yesterday 14:02", "2 Jan 14:02", "2 Jan 2025". */
    public String relative(Instant at) {
        Instant now = clock.instant();
        Duration ago = Duration.between(at, now);
        ZonedDateTime local = at.atZone(zone());
        LocalDate today = now.atZone(zone()).toLocalDate();
        if (!ago.isNegative() && ago.toMinutes() < 1) {
            return "just now";
        }
        if (!ago.isNegative() && ago.toMinutes() < 60) {
            return ago.toMinutes() + " min ago";
        }
        if (!ago.isNegative() && ago.toHours() < 6) {
            return ago.toHours() + " h ago";
        }
        if (local.toLocalDate().equals(today)) {
            return "today " + CLOCK.format(local);
        }
        if (local.toLocalDate().equals(today.minusDays(1))) {
            return "yesterday " + CLOCK.format(local);
        }
        if (local.getYear() == today.getYear()) {
            return SHORT_DATE.format(local) + " " + CLOCK.format(local);
        }
        return FULL_DATE.format(local);
    }

    /** For bubbles: the local clock time. */
    public String clockTime(Instant at) {
        return CLOCK.format(at.atZone(zone()));
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone()).toLocalDate();
    }

    /** For day separators: "Today", "Yesterday" or "Friday, 2 January 2026". */
    public String dayHeading(Instant at) {
        LocalDate day = day(at);
        LocalDate today = clock.instant().atZone(zone()).toLocalDate();
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DAY_HEADING.format(day);
    }

    /** For screen readers: "1 January", with the year when it is not this year's ("1 January 2025"). */
    public String spokenDate(Instant at) {
        LocalDate day = day(at);
        return (day.getYear() == clock.instant().atZone(zone()).getYear() ? SPOKEN_DATE : SPOKEN_DATE_WITH_YEAR).format(day);
    }

    /** The full local timestamp for tooltips. */
    public String full(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(at.atZone(zone()))
                + " (" + zone().getId() + ")";
    }
}
