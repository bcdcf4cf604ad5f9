package org.cruddur.console.service.patterns;

/** What a post wrote: the conversation (new for pattern C), the message, and its time exactly as stored in sk. */
public record PostResult(String messageGroupUuid, String messageUuid, String createdAt, boolean newConversation, int attempts) {
}
