package org.cruddur.console.service.items;

/** A person as the messages table knows them: uuid, handle and display name (plus what the seed file adds). */
public record ChatUser(String uuid, String handle, String displayName, String email, String cognitoUserId) {

    public ChatUser(String uuid, String handle, String displayName) {
        this(uuid, handle, displayName, null, null);
    }
}
