package org.cruddur.console.service.moderation;

import java.util.List;

/**
 * What a moderation action changed: the message's key, and each group row it moved, updated or deleted.
 *
 * @param action        {@code delete-message} or {@code edit-message}
 * @param messageSk     the message's sk exactly as stored (its pk is {@code MSG#<group>})
 * @param inbox         what happened to the conversation's group rows
 * @param rows          one entry per group row written (empty when {@code inbox} is UNCHANGED)
 * @param lastMessageAt where the rows now stand (null when they were deleted)
 * @param attempts      1, or more when a concurrent write made it re-read and retry
 */
public record ModerationResult(String action, String messageGroupUuid, String messageUuid, String messageSk,
                               InboxChange inbox, List<RowChange> rows, String lastMessageAt, int attempts) {

    /** One group row: its partition (the owner's {@code GRP#}), its sk before, and after (null when deleted). */
    public record RowChange(String pk, String skBefore, String skAfter) {
    }

    public String messagePk() {
        return "MSG#" + messageGroupUuid;
    }
}
