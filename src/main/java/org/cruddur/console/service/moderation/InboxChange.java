package org.cruddur.console.service.moderation;

/** What a moderation action does to the group rows (the inbox entries) of the conversation. */
public enum InboxChange {
    /** The newest message went: the rows moved back to the previous message (its sk and text). */
    MOVED("moved"),
    /** The newest message's text changed: the rows' {@code message} changed with it. */
    UPDATED("updated"),
    /** The only message went: the conversation's rows went too. */
    DELETED("deleted"),
    /** An older message: the rows stay as they are. */
    UNCHANGED("unchanged");

    private final String code;

    InboxChange(String code) {
        this.code = code;
    }

    /** The JSON and log spelling. */
    public String code() {
        return code;
    }
}
