package org.cruddur.console.ui.conversation;

import org.cruddur.console.service.items.PersonName;

/** What a screen reader says for a chat bubble: who, when (local time, date), what, and what is wrong with it. */
public final class SpokenMessage {

    private SpokenMessage() {
    }

    /** "Mara Quinlan, 06:30, 1 January: Quick question about …". */
    public static String of(ThreadEntry entry, MessageTimes times) {
        String when = entry.timeKnown() ? times.clockTime(entry.at()) + ", " + times.spokenDate(entry.at())
                : "unreadable time " + entry.message().createdAt();
        return PersonName.name(entry.message().userUuid(), entry.message().userDisplayName()) + ", " + when + ": " + entry.message().message()
                + (entry.damaged() ? ". Damaged: " + String.join("; ", entry.damage()) : "");
    }
}
