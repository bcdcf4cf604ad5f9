package org.cruddur.console.service.items;

import org.cruddur.console.service.ConsoleException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.Optional;

/**
 * The one home of sk time formats. Written: UTC, fixed microseconds, "+00:00", so that sort keys sort as
 * text in time order. Read: every form Python's {@code isoformat()} produces in the Cruddur backend
 * (with or without fraction, any offset, or none, which means UTC), plus "Z" and a space separator.
 */
public final class Timestamps {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /** Orders sort-key strings by the instant they name, not by their text; anything unreadable sorts oldest. */
    public static final Comparator<String> BY_INSTANT = Comparator.comparing(t -> tryParse(t).orElse(Instant.MIN));

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw ConsoleException.validation("Empty timestamp");
        }
        String iso = text.trim();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ConsoleException.validation("Not an ISO-8601 timestamp: '" + text + "'");
        }
    }

    /** The instant, when the text is a timestamp (data of other tools may hold anything in sk). */
    public static Optional<Instant> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (ConsoleException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the text is in the form this console writes (UTC, microseconds, "+00:00"). Such timestamps sort as text
     * in time order, so a page made only of them needs no parsing to be in order.
     */
    public static boolean isCanonical(String text) {
        if (text == null || text.length() != 32 || text.charAt(10) != 'T' || text.charAt(19) != '.' || !text.endsWith("+00:00")) {
            return false;
        }
        for (int i = 0; i < 26; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19;
            if (separator ? digit : !digit) {
                return false;
            }
        }
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(13) == ':' && text.charAt(16) == ':';
    }

    /** The smallest time strictly after {@code instant} that our format can tell apart. */
    public static Instant nextAfter(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
}
