package org.cruddur.console.service.items;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one home of key formats and item mapping, in the shapes of the Cruddur seed scripts. */
public final class TableItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    public static final String MESSAGE_UUID = "message_uuid";
    public static final String MESSAGE = "message";
    public static final String USER_UUID = "user_uuid";
    public static final String USER_DISPLAY_NAME = "user_display_name";
    public static final String USER_HANDLE = "user_handle";

    public static final String GROUP_PREFIX = "GRP#";
    public static final String MESSAGE_PREFIX = "MSG#";

    private TableItems() {
    }

    public static String groupPk(String ownerUuid) {
        return GROUP_PREFIX + ownerUuid;
    }

    public static String messagePk(String messageGroupUuid) {
        return MESSAGE_PREFIX + messageGroupUuid;
    }

    public static boolean isGroupItem(Map<String, AttributeValue> item) {
        return text(item, PK) != null && text(item, PK).startsWith(GROUP_PREFIX);
    }

    public static boolean isMessageItem(Map<String, AttributeValue> item) {
        return text(item, PK) != null && text(item, PK).startsWith(MESSAGE_PREFIX);
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return key(text(item, PK), text(item, SK));
    }

    public static Map<String, AttributeValue> toItem(MessageRow m) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(messagePk(m.messageGroupUuid())));
        item.put(SK, s(m.createdAt()));
        item.put(MESSAGE, s(m.message()));
        item.put(MESSAGE_UUID, s(m.messageUuid()));
        item.put(USER_UUID, s(m.userUuid()));
        item.put(USER_DISPLAY_NAME, s(m.userDisplayName()));
        item.put(USER_HANDLE, s(m.userHandle()));
        return item;
    }

    public static Map<String, AttributeValue> toItem(MessageGroupRow g) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(groupPk(g.ownerUuid())));
        item.put(SK, s(g.lastMessageAt()));
        item.put(MESSAGE_GROUP_UUID, s(g.messageGroupUuid()));
        item.put(MESSAGE, s(g.lastMessage()));
        item.put(USER_UUID, s(g.otherUserUuid()));
        item.put(USER_DISPLAY_NAME, s(g.otherUserDisplayName()));
        item.put(USER_HANDLE, s(g.otherUserHandle()));
        return item;
    }

    public static MessageRow messageRow(Map<String, AttributeValue> item) {
        return new MessageRow(
                stripPrefix(text(item, PK), MESSAGE_PREFIX),
                text(item, SK),
                text(item, MESSAGE_UUID),
                text(item, MESSAGE),
                text(item, USER_UUID),
                text(item, USER_DISPLAY_NAME),
                text(item, USER_HANDLE));
    }

    public static MessageGroupRow groupRow(Map<String, AttributeValue> item) {
        return new MessageGroupRow(
                stripPrefix(text(item, PK), GROUP_PREFIX),
                text(item, SK),
                text(item, MESSAGE_GROUP_UUID),
                text(item, MESSAGE),
                text(item, USER_UUID),
                text(item, USER_DISPLAY_NAME),
                text(item, USER_HANDLE));
    }

    /** The message row written by pattern C/D, keyed by its group and time. */
    public static MessageRow message(String groupUuid, String createdAt, String messageUuid, String text, ChatUser sender) {
        return new MessageRow(groupUuid, createdAt, messageUuid, text, sender.uuid(), sender.displayName(), sender.handle());
    }

    /** The group row that lists a conversation for {@code owner}, naming {@code other}. */
    public static MessageGroupRow groupRow(ChatUser owner, ChatUser other, String groupUuid, String lastMessageAt, String lastMessage) {
        return new MessageGroupRow(owner.uuid(), lastMessageAt, groupUuid, lastMessage, other.uuid(), other.displayName(), other.handle());
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null ? "" : value);
    }

    private static String stripPrefix(String value, String prefix) {
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
