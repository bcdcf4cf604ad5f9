package org.cruddur.console.service.patterns;

import org.cruddur.console.service.session.ConflictRetry;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.users.UserDirectory;
import org.cruddur.console.service.users.UserReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Patterns C and D: posting a message, and moving both participants' group rows to it, in one transaction.
 *
 * <p>Group rows are keyed by their last message time, so moving one means deleting the old key and putting a new
 * one. The transaction carries a condition on every key it touches (the old rows must still exist, the new keys
 * must not), so two people posting at once cannot lose a message or leave two rows for one user: the loser re-reads
 * and retries with backoff. A new message's time is after every time the group rows hold, so rows never move back.
 */
public final class PostMessage {

    public static final int MAX_LENGTH = 1024;

    private final DynamoSession session;
    private final UserDirectory users;
    private final ConversationGroupRows groupRows;
    private final Clock clock;

    public PostMessage(DynamoSession session, UserDirectory users) {
        this(session, users, Clock.systemUTC());
    }

    PostMessage(DynamoSession session, UserDirectory users, Clock clock) {
        this.session = session;
        this.users = users;
        this.groupRows = new ConversationGroupRows(session);
        this.clock = clock;
    }

    /** Checks a message as the Cruddur backend does: 1 to 1024 characters and not blank. */
    public static void validate(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw ConsoleException.validation(problem);
        }
    }

    /** The validation problem of a message as one line, or null when it can be sent. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "Message is empty";
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return "Message is too long: " + length + " characters (at most " + MAX_LENGTH + ")";
        }
        return null;
    }

    /**
     * The conversation id of a pair: the same for both orders, so that two first messages racing each other land in
     * one conversation (pattern C never makes two conversations for one pair).
     */
    public static String pairGroupUuid(String userA, String userB) {
        String first = userA.compareTo(userB) <= 0 ? userA : userB;
        String second = first.equals(userA) ? userB : userA;
        return UUID.nameUUIDFromBytes(("cruddur-conversation:" + first + ":" + second).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Sends to a person: into the conversation the pair already shares (D), else a new one (C). */
    public PostResult toUser(String senderRef, String recipientRef, String text) {
        validate(text);
        session.requireWrites("post");
        ChatUser sender = users.resolve(senderRef);
        ChatUser recipient = users.resolve(recipientRef);
        if (sender.uuid().equals(recipient.uuid())) {
            throw ConsoleException.validation("Cannot start a conversation with oneself (" + describe(sender) + ")");
        }
        String groupUuid = pairGroupUuid(sender.uuid(), recipient.uuid());
        for (int attempt = 1; ; attempt++) {
            String existing = findConversation(sender.uuid(), recipient.uuid());
            if (existing != null) {
                return toGroup(sender.uuid(), existing, text);
            }
            try {
                PostResult result = write(groupUuid, text, List.of(), sender, recipient, true);
                removeDuplicateRows(groupUuid);
                users.remember(sender);
                users.remember(recipient);
                return result;
            } catch (TransactionCanceledException conflict) {
                // another first message won the same keys (same millisecond): the conversation exists now, so the
                // next attempt finds it and posts into it (pattern D)
                giveUpOrBackoff(attempt, groupUuid);
            }
        }
    }

    /** Sends into an existing conversation (pattern D); the sender must be one of its two participants. */
    public PostResult toGroup(String senderRef, String groupUuid, String text) {
        validate(text);
        session.requireWrites("post");
        String senderUuid = UserReference.uuidOf(senderRef, users);
        for (int attempt = 1; ; attempt++) {
            List<MessageGroupRow> rows = groupRows.of(groupUuid);
            if (rows.isEmpty()) {
                throw ConsoleException.notFound("No conversation '" + groupUuid + "' in '" + session.tableName() + "'");
            }
            Participants p = participants(rows, senderUuid, groupUuid);
            try {
                PostResult r = write(groupUuid, text, rows, p.sender, p.recipient, false);
                removeDuplicateRows(groupUuid);
                return new PostResult(r.messageGroupUuid(), r.messageUuid(), r.createdAt(), false, attempt);
            } catch (TransactionCanceledException conflict) {
                giveUpOrBackoff(attempt, groupUuid);
            }
        }
    }

    private static void giveUpOrBackoff(int attempt, String groupUuid) {
        ConflictRetry.giveUpOrBackoff(attempt, n -> "Conversation " + groupUuid + " is too busy: gave up after " + n + " attempts; try again", "Cancelled");
    }

    private record Participants(ChatUser sender, ChatUser recipient) {
    }

    /** Who is in the conversation, from its group rows: the row owned by A names B, and the other way round. */
    private Participants participants(List<MessageGroupRow> rows, String senderUuid, String groupUuid) {
        Map<String, ChatUser> people = new LinkedHashMap<>();
        for (MessageGroupRow row : rows) {
            people.put(row.otherUserUuid(), new ChatUser(row.otherUserUuid(), row.otherUserHandle(), row.otherUserDisplayName()));
        }
        for (MessageGroupRow row : rows) {
            people.putIfAbsent(row.ownerUuid(), users.find(row.ownerUuid()).orElse(new ChatUser(row.ownerUuid(), null, null)));
        }
        ChatUser sender = people.get(senderUuid);
        if (sender == null) {
            throw ConsoleException.validation("User '" + senderUuid + "' is not a participant of conversation " + groupUuid
                    + " (participants: " + String.join(", ", people.values().stream().map(PostMessage::describe).toList()) + ")");
        }
        ChatUser recipient = people.values().stream().filter(u -> !u.uuid().equals(senderUuid)).findFirst()
                .orElseThrow(() -> ConsoleException.validation("Conversation " + groupUuid + " has no other participant"));
        return new Participants(sender, recipient);
    }

    private PostResult write(String groupUuid, String text, List<MessageGroupRow> oldRows,
                             ChatUser sender, ChatUser recipient, boolean newConversation) {
        Instant now = clock.instant();
        Instant latest = oldRows.stream().map(r -> Timestamps.tryParse(r.lastMessageAt()).orElse(Instant.MIN))
                .max(Comparator.naturalOrder()).orElse(Instant.MIN);
        Instant created = now.isAfter(latest) ? now : Timestamps.nextAfter(latest);
        String createdAt = Timestamps.format(created);
        String messageUuid = UUID.randomUUID().toString();

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(putNew(TableItems.toItem(TableItems.message(groupUuid, createdAt, messageUuid, text, sender))));
        for (MessageGroupRow old : oldRows) {
            items.add(TransactWriteItem.builder().delete(Delete.builder()
                    .tableName(session.tableName())
                    .key(TableItems.key(TableItems.groupPk(old.ownerUuid()), old.lastMessageAt()))
                    .conditionExpression("attribute_exists(pk)")
                    .build()).build());
        }
        items.add(putNew(TableItems.toItem(TableItems.groupRow(sender, recipient, groupUuid, createdAt, text))));
        items.add(putNew(TableItems.toItem(TableItems.groupRow(recipient, sender, groupUuid, createdAt, text))));
        callTransaction(items);
        return new PostResult(groupUuid, messageUuid, createdAt, newConversation, 1);
    }

    /** Runs a transaction, letting condition conflicts through as TransactionCanceledException for a retry. */
    private void callTransaction(List<TransactWriteItem> items) {
        try {
            session.call(c -> c.transactWriteItems(t -> t.transactItems(items)));
        } catch (ConsoleException e) {
            if (e.getCause() instanceof TransactionCanceledException tce) {
                throw ConflictRetry.isConflict(tce) ? tce : describeCancel(tce);
            }
            throw e;
        }
    }

    private static ConsoleException describeCancel(TransactionCanceledException e) {
        return new ConsoleException(ConsoleException.Kind.OTHER, "Post cancelled by DynamoDB: "
                + e.cancellationReasons().stream().map(CancellationReason::code).toList(), e);
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(session.tableName())
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    /** The conversation {@code userUuid} already has with {@code otherUuid}, read consistently; null if none. */
    public String findConversation(String userUuid, String otherUuid) {
        return session.call(c -> c.queryPaginator(QueryRequest.builder()
                        .tableName(session.tableName())
                        .keyConditionExpression("pk = :pk")
                        .filterExpression("user_uuid = :other")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.groupPk(userUuid)),
                                ":other", AttributeValue.fromS(otherUuid)))
                        .consistentRead(true)
                        .build()).items().stream()
                .map(TableItems::groupRow)
                .max(Comparator.comparing(MessageGroupRow::lastMessageAt, Timestamps.BY_INSTANT))
                .map(MessageGroupRow::messageGroupUuid)
                .orElse(null));
    }

    /**
     * A writer that read the group rows just before another writer's commit can leave a second row for a participant
     * (two first messages racing each other, or a post racing them). Every writer therefore re-reads the rows after
     * its own commit and deletes all but each participant's newest; the last writer to commit sees every row, so
     * exactly one row per participant remains, and the newest one is never deleted.
     */
    private void removeDuplicateRows(String groupUuid) {
        Map<String, List<MessageGroupRow>> byOwner = new LinkedHashMap<>();
        groupRows.of(groupUuid).forEach(r -> byOwner.computeIfAbsent(r.ownerUuid(), k -> new ArrayList<>()).add(r));
        byOwner.forEach((owner, rows) -> {
            if (rows.size() < 2) {
                return;
            }
            rows.sort(Comparator.comparing(MessageGroupRow::lastMessageAt, Timestamps.BY_INSTANT).reversed());
            for (MessageGroupRow stale : rows.subList(1, rows.size())) {
                session.call(c -> c.deleteItem(d -> d.tableName(session.tableName())
                        .key(TableItems.key(TableItems.groupPk(owner), stale.lastMessageAt()))));
            }
        });
    }

    private static String describe(ChatUser u) {
        return u.handle() == null ? u.uuid() : "@" + u.handle();
    }
}
