package org.cruddur.console.service.seeding;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.PostMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deterministic demo data: which pairs talk, how many messages each conversation has, and every message's time,
 * sender and text. The same plan always yields the same keys, so seeding twice writes no duplicates.
 *
 * <p>Conversations pair the first user with each other user, then the second with each later one, and so on; when
 * more conversations are asked for than the users allow, generated guests (deterministic too) are added.
 * Conversations end in the first hours of 2026, so those of more than a dozen messages cross New Year.
 */
public record SeedPlan(List<ChatUser> users, int conversations, int messages) {

    /** The newest seeded message; conversations end one by one before it. */
    public static final Instant LAST_MESSAGE_AT = Instant.parse("2026-01-01T06:30:00Z");
    static final Duration MESSAGE_SPACING = Duration.ofMinutes(29);
    /** Up to this much earlier than the regular spacing, so a thread does not look machine-made; below the spacing,
     * so times stay strictly increasing. */
    static final long JITTER_SECONDS = 20 * 60;
    static final Duration CONVERSATION_SPACING = Duration.ofMinutes(41);
    public static final int MAX_MESSAGES = 10_000_000;

    public SeedPlan {
        if (conversations < 1 || conversations > 1_000_000) {
            throw ConsoleException.validation("Conversations must be between 1 and 1,000,000");
        }
        if (messages < conversations || messages > MAX_MESSAGES) {
            throw ConsoleException.validation("Messages must be between the number of conversations (" + conversations
                    + ") and " + MAX_MESSAGES);
        }
        users = withGuests(users, conversations);
    }

    public static SeedPlan defaults() {
        return new SeedPlan(SeedUsers.DEFAULT, 6, 120);
    }

    /** One conversation of the plan. */
    public record Conversation(int index, ChatUser first, ChatUser second, String groupUuid, int messageCount, Instant lastMessageAt) {

        public Instant messageTime(int i) {
            long jitter = i == messageCount - 1 ? 0 : Math.floorMod(i * 7919L + index * 104729L, JITTER_SECONDS);
            return lastMessageAt.minus(MESSAGE_SPACING.multipliedBy(messageCount - 1L - i)).minusSeconds(jitter);
        }

        /** Message {@code i}, oldest first. */
        public MessageRow message(int i) {
            ChatUser sender = (i % 3 == 1) ? second : first;
            if (i % 7 == 5) {
                sender = second;
            }
            String createdAt = Timestamps.format(messageTime(i));
            String messageUuid = UUID.nameUUIDFromBytes(("cruddur-seed:" + groupUuid + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
            return TableItems.message(groupUuid, createdAt, messageUuid, SeedText.line(index, i), sender);
        }

        public MessageRow lastMessage() {
            return message(messageCount - 1);
        }
    }

    public long totalItems() {
        return messages + 2L * conversations;
    }

    public List<Conversation> plannedConversations() {
        List<Conversation> out = new ArrayList<>(conversations);
        int k = 0;
        for (int a = 0; a < users.size() && k < conversations; a++) {
            for (int b = a + 1; b < users.size() && k < conversations; b++) {
                ChatUser first = users.get(a);
                ChatUser second = users.get(b);
                int count = messages / conversations + (k < messages % conversations ? 1 : 0);
                Instant last = LAST_MESSAGE_AT.minus(CONVERSATION_SPACING.multipliedBy(k));
                out.add(new Conversation(k, first, second, PostMessage.pairGroupUuid(first.uuid(), second.uuid()), count, last));
                k++;
            }
        }
        return out;
    }

    private static List<ChatUser> withGuests(List<ChatUser> users, int conversations) {
        List<ChatUser> all = new ArrayList<>(users);
        int guest = 1;
        while (pairs(all.size()) < conversations) {
            String id = String.format("%05d", guest++);
            String uuid = UUID.nameUUIDFromBytes(("cruddur-seed-guest:" + id).getBytes(StandardCharsets.UTF_8)).toString();
            all.add(new ChatUser(uuid, "guest" + id, "Guest " + id));
        }
        return List.copyOf(all);
    }

    private static long pairs(int n) {
        return (long) n * (n - 1) / 2;
    }
}
