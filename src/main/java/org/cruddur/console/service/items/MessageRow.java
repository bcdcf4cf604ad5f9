package org.cruddur.console.service.items;

import java.time.Instant;

/** One message of a conversation (item {@code pk=MSG#<group>, sk=<created_at>}); user fields are the SENDER's. */
public record MessageRow(
        String messageGroupUuid,
        String createdAt,
        String messageUuid,
        String message,
        String userUuid,
        String userDisplayName,
        String userHandle) {

    public Instant createdAtInstant() {
        return Timestamps.parse(createdAt);
    }
}
