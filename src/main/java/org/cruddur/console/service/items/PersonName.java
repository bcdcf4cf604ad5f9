package org.cruddur.console.service.items;

/**
 * How a person is named wherever they are shown: their display name, else their uuid (a row may lack the name),
 * then their handle when they have one. One place, so the inbox, the thread, the composer and its picker agree.
 */
public final class PersonName {

    private PersonName() {
    }

    /** "Mara Quinlan  @mara", "Mara Quinlan" without a handle, the uuid without a name. */
    public static String of(String uuid, String handle, String displayName) {
        return name(uuid, displayName) + (handle == null || handle.isBlank() ? "" : "  @" + handle);
    }

    /** The display name, else the uuid. */
    public static String name(String uuid, String displayName) {
        return displayName == null || displayName.isBlank() ? uuid : displayName;
    }

    public static String of(ChatUser u) {
        return of(u.uuid(), u.handle(), u.displayName());
    }

    /** The other person of a conversation row. */
    public static String otherOf(MessageGroupRow g) {
        return of(g.otherUserUuid(), g.otherUserHandle(), g.otherUserDisplayName());
    }

    /** The sender of a message. */
    public static String senderOf(MessageRow m) {
        return of(m.userUuid(), m.userHandle(), m.userDisplayName());
    }
}
