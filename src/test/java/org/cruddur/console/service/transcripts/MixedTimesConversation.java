package org.cruddur.console.service.transcripts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A conversation across New Year whose sk use every form the backend has written, in turn: ours, naive, +10:00,
 * -05:00 without fraction, "Z" with millis, a space separator, +00:00 without fraction. Text order is therefore
 * not time order. Some texts are meant for find, some for CSV quoting. The expected answers are computed here from
 * the instants, not by the code under test.
 */
public final class MixedTimesConversation {

    public static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    public static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    public static final Instant START = Instant.parse("2025-12-31T09:00:00.123456Z");

    /** One message as written: its sk, instant and text. */
    public record Sent(String messageUuid, String sk, Instant at, String text, ChatUser sender) {
    }

    public final String group;
    public final List<Sent> oldestFirst;

    private MixedTimesConversation(String group, List<Sent> sent) {
        this.group = group;
        List<Sent> sorted = new ArrayList<>(sent);
        sorted.sort(Comparator.comparing(Sent::at));
        this.oldestFirst = List.copyOf(sorted);
    }

    /** Writes {@code n} messages 7 minutes apart from {@link #START}, and both group rows. */
    public static MixedTimesConversation write(MessagesTable table, int n) {
        List<Sent> sent = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String groupUuid = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            Instant at = START.plus(Duration.ofMinutes(7L * i));
            ChatUser sender = i % 2 == 0 ? MARA : TOBI;
            String sk = sk(at, i);
            Sent s = new Sent("m-" + i, sk, Timestamps.parse(sk), text(i), sender);
            sent.add(s);
            items.add(TableItems.toItem(TableItems.message(groupUuid, s.sk(), s.messageUuid(), s.text(), sender)));
        }
        MixedTimesConversation c = new MixedTimesConversation(groupUuid, sent);
        Sent last = c.oldestFirst.get(c.oldestFirst.size() - 1);
        items.add(TableItems.toItem(TableItems.groupRow(MARA, TOBI, groupUuid, last.sk(), last.text())));
        items.add(TableItems.toItem(TableItems.groupRow(TOBI, MARA, groupUuid, last.sk(), last.text())));
        String t = table.session().tableName();
        for (Map<String, AttributeValue> item : items) {
            table.session().call(cl -> cl.putItem(p -> p.tableName(t).item(item)));
        }
        return c;
    }

    static String sk(Instant at, int i) {
        return switch (i % 7) {
            case 0 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").format(at.atOffset(ZoneOffset.UTC));
            case 1 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").format(at.atOffset(ZoneOffset.UTC));
            case 2 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").format(at.atOffset(ZoneOffset.ofHours(10)));
            case 3 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").format(at.atOffset(ZoneOffset.ofHours(-5)));
            case 4 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").format(at.atOffset(ZoneOffset.UTC));
            case 5 -> DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").format(at.atOffset(ZoneOffset.UTC));
            default -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").format(at.atOffset(ZoneOffset.UTC));
        };
    }

    static String text(int i) {
        return switch (i % 13) {
            case 0 -> "Refund please (" + i + ")";
            case 5 -> "REFUND NOW " + i;
            case 9 -> "about the refund, " + i;
            case 11 -> "rEfUnD in odd case " + i;
            case 3 -> "quotes \"like this\", commas, and a\nline break " + i;
            case 7 -> "Ünïcödé ✓ 🎉 tab\there\r\nCRLF " + i;
            default -> "message " + i;
        };
    }

    /** The messages find("refund") must return, newest first: those with refund / Refund / REFUND in them. */
    public List<Sent> refundsNewestFirst() {
        List<Sent> out = new ArrayList<>();
        for (Sent s : oldestFirst) {
            if (s.text().contains("refund") || s.text().contains("Refund") || s.text().contains("REFUND")) {
                out.add(0, s);
            }
        }
        return out;
    }
}
