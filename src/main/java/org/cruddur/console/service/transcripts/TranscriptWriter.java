package org.cruddur.console.service.transcripts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cruddur.console.service.items.MessageRow;

/**
 * One export format, written as the messages stream past (oldest first): nothing but the current message is held.
 * Message times are written exactly as stored (json, csv) or in the chosen zone (md, txt).
 */
abstract class TranscriptWriter {

    /** What precedes the messages. */
    record Header(String messageGroupUuid, List<Participant> participants, String exportedAt, ZoneId zone) {
    }

    abstract void begin(Header header) throws IOException;

    abstract void message(TimelineMessage m) throws IOException;

    abstract void end() throws IOException;

    static TranscriptWriter of(TranscriptFormat format, Writer out) throws IOException {
        return switch (format) {
            case JSON -> new Json(out);
            case CSV -> new Csv(out);
            case MD -> new Readable(out, true);
            case TXT -> new Readable(out, false);
        };
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** {@code {message_group_uuid, participants, exported_at, messages: [...]}}, messages as get-conversation prints them. */
    static final class Json extends TranscriptWriter {
        private final JsonGenerator g;

        Json(Writer out) throws IOException {
            g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
        }

        @Override
        void begin(Header h) throws IOException {
            g.writeStartObject();
            g.writeStringField("message_group_uuid", h.messageGroupUuid());
            g.writeArrayFieldStart("participants");
            for (Participant p : h.participants()) {
                g.writeStartObject();
                g.writeStringField("user_uuid", p.userUuid());
                g.writeStringField("handle", p.handle());
                g.writeStringField("display_name", p.displayName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("exported_at", h.exportedAt());
            g.writeArrayFieldStart("messages");
        }

        @Override
        void message(TimelineMessage t) throws IOException {
            MessageRow m = t.row();
            g.writeStartObject();
            g.writeStringField("message_uuid", m.messageUuid());
            g.writeStringField("user_uuid", m.userUuid());
            g.writeStringField("user_display_name", m.userDisplayName());
            g.writeStringField("user_handle", m.userHandle());
            g.writeStringField("message", m.message());
            g.writeStringField("created_at", m.createdAt());
            g.writeEndObject();
        }

        @Override
        void end() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
    }

    /** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
    static final class Csv extends TranscriptWriter {
        static final String HEADER = "created_at,user_uuid,user_handle,user_display_name,message_uuid,message";
        private final Writer w;

        Csv(Writer out) {
            w = out;
        }

        @Override
        void begin(Header header) throws IOException {
            w.write(HEADER);
            w.write("\r\n");
        }

        @Override
        void message(TimelineMessage t) throws IOException {
            MessageRow m = t.row();
            field(m.createdAt(), true);
            field(m.userUuid(), true);
            field(m.userHandle(), true);
            field(m.userDisplayName(), true);
            field(m.messageUuid(), true);
            field(m.message(), false);
            w.write("\r\n");
        }

        private void field(String value, boolean comma) throws IOException {
            String v = value == null ? "" : value;
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
            if (comma) {
                w.write(',');
            }
        }

        @Override
        void end() throws IOException {
            w.flush();
        }
    }

    /** md and txt: participants, a heading per day in the zone, then "time  Name (@handle): text" per message. */
    static final class Readable extends TranscriptWriter {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
        private final Writer w;
        private final boolean markdown;
        private ZoneId zone;
        private LocalDate day;
        private boolean unknownDay;

        Readable(Writer out, boolean markdown) {
            this.w = out;
            this.markdown = markdown;
        }

        @Override
        void begin(Header h) throws IOException {
            zone = h.zone();
            StringBuilder people = new StringBuilder();
            for (Participant p : h.participants()) {
                people.append(people.length() == 0 ? "" : ", ").append(p.label());
            }
            if (markdown) {
                w.write("# Conversation " + h.messageGroupUuid() + "\n\n");
                w.write("- Participants: " + escape(people.toString()) + "\n");
                w.write("- Exported at: " + h.exportedAt() + "\n");
                w.write("- Times in: " + zone.getId() + "\n");
            } else {
                w.write("Conversation " + h.messageGroupUuid() + "\n");
                w.write("Participants: " + people + "\n");
                w.write("Exported at: " + h.exportedAt() + "\n");
                w.write("Times in: " + zone.getId() + "\n");
            }
        }

        @Override
        void message(TimelineMessage t) throws IOException {
            MessageRow m = t.row();
            boolean known = t.at() != Instant.MIN;
            if (known) {
                LocalDate d = t.at().atZone(zone).toLocalDate();
                if (!d.equals(day) || unknownDay) {
                    day = d;
                    unknownDay = false;
                    heading(DAY.format(d));
                }
            } else if (!unknownDay) {
                unknownDay = true;
                heading("Unreadable times");
            }
            String time = known ? TIME.format(t.at().atZone(zone)) : m.createdAt();
            String who = new Participant(m.userUuid(), m.userHandle(), m.userDisplayName()).label();
            String text = m.message() == null ? "" : m.message();
            if (markdown) {
                // a line per message; hard breaks ("  ") keep the message's own lines inside its list item
                w.write("- **" + time + "** " + escape(who) + ": " + escape(text).replace("\r\n", "\n").replace("\n", "  \n  ") + "\n");
            } else {
                w.write(time + "  " + who + ": " + text.replace("\r\n", "\n").replace("\n", "\n" + " ".repeat(time.length() + 2)) + "\n");
            }
        }

        private void heading(String text) throws IOException {
            w.write(markdown ? "\n## " + text + "\n\n" : "\n=== " + text + " ===\n");
        }

        /** Markdown that shows the text as written: its own markup characters are escaped. */
        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 8);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }

        @Override
        void end() throws IOException {
            w.flush();
        }
    }
}
