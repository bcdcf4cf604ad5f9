package org.cruddur.console.ui.inbox;

import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.ui.conversation.MessageTimes;

/** What a screen reader says for a row of the conversation list: the other person, when, the last message, a mark. */
public final class SpokenConversation {

    private SpokenConversation() {
    }

    /**
     * "Tobi Ade, last message 3 h ago: See you at six" (and ", health check: …" for a marked conversation).
     *
     * @param mark what the last health check found in it, or null
     */
    public static String of(MessageGroupRow g, MessageTimes times, String mark) {
        String when = Timestamps.tryParse(g.lastMessageAt()).map(times::relative).orElse(g.lastMessageAt());
        String preview = g.lastMessage() == null || g.lastMessage().isBlank() ? "no message text" : g.lastMessage().replace('\n', ' ');
        return PersonName.name(g.otherUserUuid(), g.otherUserDisplayName()) + ", last message " + when + ": " + preview
                + (mark == null ? "" : ". Health check: " + mark);
    }
}
