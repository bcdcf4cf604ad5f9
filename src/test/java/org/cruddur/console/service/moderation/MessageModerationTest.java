package org.cruddur.console.service.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cruddur.console.service.moderation.ConversationFixture.A;
import static org.cruddur.console.service.moderation.ConversationFixture.B;
import static org.cruddur.console.service.moderation.ConversationFixture.C;
import static org.cruddur.console.service.moderation.ConversationFixture.D;
import static org.cruddur.console.service.moderation.ConversationFixture.MARA;
import static org.cruddur.console.service.moderation.ConversationFixture.RAVI;
import static org.cruddur.console.service.moderation.ConversationFixture.TOBI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.oplog.OperationLogEntry;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Delete and edit on DynamoDB Local, read back the way the backend reads the table (patterns A and B). */
class MessageModerationTest {

    MessagesTable table;
    ConversationFixture data;
    ModerationLog log;
    Path dataDir;

    @BeforeEach
    void open() {
        table = LocalDynamoDb.freshTable("moderate");
        data = new ConversationFixture(table);
        dataDir = LocalDynamoDb.dirs().dataDir();
        log = new ModerationLog(dataDir);
    }

    @AfterEach
    void close() {
        table.close();
    }

    DeleteMessage delete() {
        return new DeleteMessage(table.session(), log);
    }

    EditMessage edit() {
        return new EditMessage(table.session(), log);
    }

    static MessageRow at(List<MessageRow> messages, String sk) {
        return messages.stream().filter(m -> m.createdAt().equals(sk)).findFirst().orElseThrow();
    }

    /** Exactly one row per participant, at {@code m} (its sk as stored and its text), naming the other person. */
    void assertRowsAt(String group, MessageRow m) {
        for (ChatUser[] pair : new ChatUser[][] {{MARA, TOBI}, {TOBI, MARA}}) {
            List<MessageGroupRow> rows = data.rowsOf(pair[0], group);
            assertThat(rows).as("rows of %s", pair[0].handle()).hasSize(1);
            MessageGroupRow r = rows.get(0);
            assertThat(r.lastMessageAt()).isEqualTo(m.createdAt());
            assertThat(r.lastMessage()).isEqualTo(m.message());
            assertThat(r.otherUserUuid()).isEqualTo(pair[1].uuid());
            assertThat(r.otherUserHandle()).isEqualTo(pair[1].handle());
            assertThat(r.otherUserDisplayName()).isEqualTo(pair[1].displayName());
        }
    }

    @Test
    void deletingTheNewestMovesBothRowsToThePreviousMessageByTimeNotByText() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, B, C, D), D);
        String other = UUID.randomUUID().toString();
        data.put(TableItems.toItem(TableItems.groupRow(MARA, RAVI, other, "2025-12-31T23:59:00+00:00", "ravi's")));

        DeletePreview preview = delete().preview(group, at(messages, D).messageUuid());
        assertThat(preview.inbox()).isEqualTo(InboxChange.MOVED);
        assertThat(preview.previous().createdAt()).isEqualTo(C);

        ModerationResult r = delete().delete(group, at(messages, D).messageUuid());

        assertThat(r.inbox()).isEqualTo(InboxChange.MOVED);
        assertThat(r.messageSk()).isEqualTo(D);
        assertThat(r.lastMessageAt()).isEqualTo(C);
        assertThat(r.rows()).extracting(ModerationResult.RowChange::skAfter).containsOnly(C);
        assertThat(r.rows()).extracting(ModerationResult.RowChange::pk)
                .containsExactlyInAnyOrder(TableItems.groupPk(MARA.uuid()), TableItems.groupPk(TOBI.uuid()));
        assertThat(data.messagesOf(group)).extracting(MessageRow::createdAt).containsExactlyInAnyOrder(A, B, C);
        assertRowsAt(group, at(messages, C));
        assertThat(data.rowsOf(MARA, other)).singleElement().extracting(MessageGroupRow::lastMessage).isEqualTo("ravi's");

        // and again: C was the newest, B (text order's first) is the previous by time
        delete().delete(group, at(messages, C).messageUuid());
        assertRowsAt(group, at(messages, B));
        assertThat(table.inbox().newest(TOBI.uuid()).rows()).singleElement()
                .extracting(MessageGroupRow::lastMessageAt).isEqualTo(B);
    }

    @Test
    void deletingAMiddleMessageLeavesTheRows() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, B, C, D), D);

        ModerationResult r = delete().delete(group, at(messages, B).messageUuid());

        assertThat(r.inbox()).isEqualTo(InboxChange.UNCHANGED);
        assertThat(r.rows()).isEmpty();
        assertThat(data.messagesOf(group)).extracting(MessageRow::createdAt).containsExactlyInAnyOrder(A, C, D);
        assertRowsAt(group, at(messages, D));
    }

    @Test
    void deletingTheOnlyMessageRemovesTheConversationFromBothInboxes() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(C), C);
        String other = UUID.randomUUID().toString();
        data.put(TableItems.toItem(TableItems.groupRow(TOBI, RAVI, other, A, "kept")));

        assertThat(delete().preview(group, messages.get(0).messageUuid()).inbox()).isEqualTo(InboxChange.DELETED);
        ModerationResult r = delete().delete(group, messages.get(0).messageUuid());

        assertThat(r.inbox()).isEqualTo(InboxChange.DELETED);
        assertThat(r.rows()).hasSize(2).allMatch(c -> c.skAfter() == null && c.skBefore().equals(C));
        assertThat(data.messagesOf(group)).isEmpty();
        assertThat(data.rowsOf(MARA, group)).isEmpty();
        assertThat(data.rowsOf(TOBI, group)).isEmpty();
        assertThat(data.rowsOf(TOBI)).singleElement().extracting(MessageGroupRow::messageGroupUuid).isEqualTo(other);
    }

    @Test
    void editingTheNewestChangesBothRowsTextAndNothingElse() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, B, C, D), D);

        ModerationResult r = edit().edit(group, at(messages, D).messageUuid(), "[removed by support]");

        assertThat(r.inbox()).isEqualTo(InboxChange.UPDATED);
        assertThat(r.rows()).hasSize(2).allMatch(c -> c.skAfter().equals(D) && c.skBefore().equals(D));
        MessageRow edited = data.messagesOf(group).stream().filter(m -> m.createdAt().equals(D)).findFirst().orElseThrow();
        assertThat(edited.message()).isEqualTo("[removed by support]");
        assertThat(edited.messageUuid()).isEqualTo(at(messages, D).messageUuid());
        assertThat(edited.userUuid()).isEqualTo(at(messages, D).userUuid());
        assertRowsAt(group, edited);
        assertThat(data.messagesOf(group)).hasSize(4);
    }

    @Test
    void editingAnOlderMessageLeavesTheRows() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, B, C, D), D);

        ModerationResult r = edit().edit(group, at(messages, B).messageUuid(), "redacted");

        assertThat(r.inbox()).isEqualTo(InboxChange.UNCHANGED);
        assertThat(data.messagesOf(group)).filteredOn(m -> m.createdAt().equals(B)).singleElement()
                .extracting(MessageRow::message).isEqualTo("redacted");
        assertRowsAt(group, at(messages, D));
    }

    @Test
    void editIsValidatedAsAPost() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, D), D);
        List<Map<String, AttributeValue>> before = data.everything();
        for (String bad : new String[] {"", "   \n", "x".repeat(1025)}) {
            assertThatThrownBy(() -> edit().edit(group, at(messages, D).messageUuid(), bad))
                    .isInstanceOf(ConsoleException.class)
                    .satisfies(e -> assertThat(((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.VALIDATION));
        }
        edit().edit(group, at(messages, A).messageUuid(), "😀".repeat(1024)); // 1024 code points is allowed
        assertThat(data.everything()).hasSize(before.size());
        assertThat(log.lines()).hasSize(1);
    }

    @Test
    void readOnlyProfilesRefuseBeforeAnythingIsWritten() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, D), D);
        ConnectionProfile p = table.session().profile();
        ConnectionProfile readOnly = new ConnectionProfile("ro", p.kind(), p.endpoint(), p.region(), p.awsProfile(), p.tableName(),
                p.userPoolId(), p.cognitoEndpoint(), true);
        List<Map<String, AttributeValue>> before = data.everything();
        try (DynamoSession ro = DynamoSession.open(readOnly, LocalDynamoDb.dirs(), false, s -> { })) {
            for (Runnable write : List.<Runnable>of(
                    () -> new DeleteMessage(ro, log).delete(group, at(messages, D).messageUuid()),
                    () -> new EditMessage(ro, log).edit(group, at(messages, D).messageUuid(), "x"))) {
                assertThatThrownBy(write::run).isInstanceOf(ConsoleException.class).hasMessageContaining("read-only")
                        .satisfies(e -> assertThat(((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.READ_ONLY));
            }
            assertThat(ro.log().entries()).as("nothing sent").isEmpty();
            // the preview only reads, so the confirmation can show it on a locked profile too
            assertThat(new DeleteMessage(ro, log).preview(group, at(messages, D).messageUuid()).inbox()).isEqualTo(InboxChange.MOVED);
        }
        assertThat(data.everything()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void unknownConversationOrMessageIsRefusedWithNothingWritten() {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, D), D);
        List<Map<String, AttributeValue>> before = data.everything();
        String unknown = UUID.randomUUID().toString();

        for (Runnable r : List.<Runnable>of(
                () -> delete().delete(unknown, messages.get(0).messageUuid()),
                () -> delete().delete(group, unknown),
                () -> edit().edit(unknown, messages.get(0).messageUuid(), "x"),
                () -> edit().edit(group, unknown, "x"))) {
            assertThatThrownBy(r::run).isInstanceOf(ConsoleException.class)
                    .satisfies(e -> assertThat(((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.NOT_FOUND))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(unknown));
        }
        assertThat(table.session().log().entries()).noneMatch(e -> e.operation().equals("TransactWriteItems"));
        assertThat(data.everything()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void eachActionAppendsOneLogLineWithoutTheOldTextAndLabelsItsCallsInTheOperationLog() throws Exception {
        String group = UUID.randomUUID().toString();
        List<MessageRow> messages = data.conversation(group, List.of(A, B, C, D), D);

        edit().edit(group, at(messages, B).messageUuid(), "new words");
        delete().delete(group, at(messages, D).messageUuid());
        delete().delete(group, at(messages, A).messageUuid());

        List<String> lines = log.lines();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("action").asText()).isEqualTo("edit-message");
        assertThat(first.get("profile").asText()).isEqualTo(table.session().profile().name());
        assertThat(first.get("table").asText()).isEqualTo(table.session().tableName());
        assertThat(first.get("conversation").asText()).isEqualTo(group);
        assertThat(first.get("message_key").get("pk").asText()).isEqualTo("MSG#" + group);
        assertThat(first.get("message_key").get("sk").asText()).isEqualTo(B);
        assertThat(first.get("message_uuid").asText()).isEqualTo(at(messages, B).messageUuid());
        assertThat(first.get("os_user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(first.has("aws_identity")).isTrue();
        assertThat(first.get("time").asText()).isNotBlank();
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("action").asText()).isEqualTo("delete-message");
        assertThat(second.get("inbox").asText()).isEqualTo("moved");
        for (MessageRow m : messages) {
            assertThat(String.join("\n", lines)).doesNotContain(m.message());
        }
        assertThat(table.session().log().entries()).filteredOn(e -> e.operation().equals("TransactWriteItems"))
                .hasSize(3).extracting(OperationLogEntry::purpose)
                .containsExactly("edit-message", "delete-message", "delete-message");
        assertThat(table.session().log().entries()).filteredOn(e -> e.operation().equals("TransactWriteItems"))
                .allMatch(e -> e.summary().startsWith("TransactWriteItems (" + e.purpose() + ")"));
    }

    @Test
    void aNewestByTimeWhoseSkSortsLastAsTextIsFoundAcrossPages() {
        String group = UUID.randomUUID().toString();
        List<String> times = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            times.add(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i).toString().replace("Z", "+00:00"));
        }
        String westward = "2025-12-31T23:59:00-10:00"; // 09:59 UTC on 1 January: the newest, yet last by text
        times.add(westward);
        List<MessageRow> messages = data.conversation(group, times, westward);
        MessageRow newestByText = at(messages, times.get(119));

        ModerationResult middle = delete().delete(group, newestByText.messageUuid());
        assertThat(middle.inbox()).isEqualTo(InboxChange.UNCHANGED);
        assertRowsAt(group, at(messages, westward));

        ModerationResult newest = delete().delete(group, at(messages, westward).messageUuid());
        assertThat(newest.inbox()).isEqualTo(InboxChange.MOVED);
        assertRowsAt(group, at(messages, times.get(118)));
    }

    @Test
    void aRecentMessageIsActedOnAfterReadingOnlyTheNewestPage() {
        String group = UUID.randomUUID().toString();
        List<String> times = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) { // one message every two hours, over 16 days
            times.add(java.time.Instant.parse("2026-03-01T00:00:00Z").plusSeconds(7200L * i).toString().replace("Z", "+00:00"));
        }
        List<MessageRow> messages = data.conversation(group, times, times.get(199));

        ModerationResult r = edit().edit(group, at(messages, times.get(199)).messageUuid(), "redacted");

        assertThat(r.inbox()).isEqualTo(InboxChange.UPDATED);
        int read = table.session().log().entries().stream()
                .filter(e -> "edit-message".equals(e.purpose()) && e.operation().equals("Query")
                        && e.keyCondition() != null && e.keyCondition().contains("MSG#"))
                .mapToInt(e -> e.itemCount() == null ? 0 : e.itemCount()).sum();
        assertThat(read).as("messages read").isPositive().isLessThanOrEqualTo(ConversationSnapshot.PAGE);
        assertRowsAt(group, data.messagesOf(group).get(0));
    }
}
