package org.cruddur.console.service.items;

import java.time.Instant;

/**
 * One conversation as listed for its owner (item {@code pk=GRP#<owner>, sk=<last message time>});
 * user fields are the OTHER participant's.
 */
public record MessageGroupRow(
        String ownerUuid,
        String lastMessageAt,
        String messageGroupUuid,
        String lastMessage,
        String otherUserUuid,
        String otherUserDisplayName,
        String otherUserHandle) {

    public Instant lastMessageInstant() {
        return Timestamps.parse(lastMessageAt);
    }
}
