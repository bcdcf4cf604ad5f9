package org.cruddur.console.service.patterns;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Patterns C and D, validation, membership and the write lock, against the real DynamoDB Local. */
class PostMessageTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    static final ChatUser LENA = SeedUsers.DEFAULT.get(2);

    MessagesTable table;

    @BeforeEach
    void open() {
        table = LocalDynamoDb.freshTable("post");
    }

    @AfterEach
    void close() {
        table.close();
    }

    private List<Map<String, AttributeValue>> allItems() {
        return table.scanner().page(10_000, null, null).items();
    }

    private List<MessageGroupRow> groupRowsOf(ChatUser user) {
        return table.inbox().allRowsAsStored(user.uuid()).rows();
    }

    @Test
    void firstMessageWritesMessageAndBothGroupRows() {
        PostResult r = table.post().toUser("@mara", "@tobi", "Hi Tobi!");
        assertThat(r.newConversation()).isTrue();
        assertThat(allItems()).hasSize(3);

        MessageGroupRow maras = groupRowsOf(MARA).get(0);
        assertThat(maras.messageGroupUuid()).isEqualTo(r.messageGroupUuid());
        assertThat(maras.otherUserUuid()).isEqualTo(TOBI.uuid());
        assertThat(maras.otherUserHandle()).isEqualTo("tobi");
        assertThat(maras.lastMessage()).isEqualTo("Hi Tobi!");
        assertThat(maras.lastMessageAt()).isEqualTo(r.createdAt());

        MessageGroupRow tobis = groupRowsOf(TOBI).get(0);
        assertThat(tobis.otherUserUuid()).isEqualTo(MARA.uuid());
        assertThat(tobis.otherUserDisplayName()).isEqualTo("Mara Quinlan");

        MessageRow message = table.conversations().newest(r.messageGroupUuid()).rows().get(0);
        assertThat(message.userUuid()).isEqualTo(MARA.uuid());
        assertThat(message.messageUuid()).isEqualTo(r.messageUuid());
        assertThat(message.createdAt()).isEqualTo(r.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    }

    @Test
    void postingToSomeoneAgainReusesTheConversationInBothDirections() {
        PostResult first = table.post().toUser(MARA.uuid(), TOBI.uuid(), "one");
        PostResult second = table.post().toUser("@tobi", "@mara", "two");
        PostResult third = table.post().toUser("mara", "tobi", "three");
        assertThat(second.messageGroupUuid()).isEqualTo(first.messageGroupUuid());
        assertThat(third.messageGroupUuid()).isEqualTo(first.messageGroupUuid());
        assertThat(second.newConversation()).isFalse();
        assertThat(groupRowsOf(MARA)).hasSize(1).first().extracting(MessageGroupRow::lastMessage).isEqualTo("three");
        assertThat(groupRowsOf(TOBI)).hasSize(1).first().extracting(MessageGroupRow::lastMessageAt).isEqualTo(third.createdAt());
        assertThat(table.conversations().all(first.messageGroupUuid()).rows())
                .extracting(MessageRow::message).containsExactly("three", "two", "one");
        assertThat(table.conversations().all(first.messageGroupUuid()).rows().get(1).userHandle()).isEqualTo("tobi");
    }

    @Test
    void postIntoGroupMovesBothRowsAndKeepsOneRowEach() {
        PostResult start = table.post().toUser("@mara", "@lenam", "start");
        table.post().toUser("@mara", "@tobi", "other conversation");
        PostResult reply = table.post().toGroup("@lenam", start.messageGroupUuid(), "reply");
        assertThat(groupRowsOf(MARA)).hasSize(2);
        assertThat(groupRowsOf(MARA).get(0).messageGroupUuid()).isEqualTo(start.messageGroupUuid()); // moved to the top
        assertThat(groupRowsOf(MARA).get(0).lastMessage()).isEqualTo("reply");
        assertThat(groupRowsOf(LENA)).hasSize(1).first().extracting(MessageGroupRow::lastMessageAt).isEqualTo(reply.createdAt());
    }

    @Test
    void senderMustBeAParticipant() {
        PostResult start = table.post().toUser("@mara", "@tobi", "private");
        int before = allItems().size();
        assertThatThrownBy(() -> table.post().toGroup("@lenam", start.messageGroupUuid(), "let me in"))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("is not a participant")
                .extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.VALIDATION);
        assertThat(allItems()).hasSize(before);
    }

    @Test
    void validationWritesNothing() {
        assertThatThrownBy(() -> table.post().toUser("@mara", "@tobi", "")).hasMessage("Message is empty");
        assertThatThrownBy(() -> table.post().toUser("@mara", "@tobi", "   \n\t")).hasMessage("Message is empty");
        assertThatThrownBy(() -> table.post().toUser("@mara", "@tobi", "x".repeat(1025)))
                .hasMessage("Message is too long: 1025 characters (at most 1024)");
        assertThatThrownBy(() -> table.post().toUser("@mara", "@nobody", "hello"))
                .isInstanceOf(ConsoleException.class).hasMessageStartingWith("Unknown user '@nobody'");
        assertThatThrownBy(() -> table.post().toUser("@mara", "@mara", "hello me"))
                .hasMessageContaining("oneself");
        assertThatThrownBy(() -> table.post().toGroup("@mara", UUID.randomUUID().toString(), "hello"))
                .isInstanceOf(ConsoleException.class).hasMessageStartingWith("No conversation");
        assertThat(allItems()).isEmpty();
        // 1024 characters (emoji count as one character each, as in Python) is fine
        String longest = "😀".repeat(1024);
        assertThat(PostMessage.problem(longest)).isNull();
        table.post().toUser("@mara", "@tobi", longest);
        assertThat(allItems()).hasSize(3);
    }

    @Test
    void groupRowNeverMovesBackInTime() {
        // the other participant's clock ran ahead: the group rows already say 2099
        String group = UUID.randomUUID().toString();
        String future = "2099-01-01T00:00:00.000000+00:00";
        put(TableItems.toItem(TableItems.groupRow(MARA, TOBI, group, future, "from the future")));
        put(TableItems.toItem(TableItems.groupRow(TOBI, MARA, group, future, "from the future")));
        PostResult r = table.post().toGroup("@mara", group, "now");
        assertThat(Timestamps.parse(r.createdAt())).isAfter(Timestamps.parse(future));
        assertThat(groupRowsOf(MARA)).hasSize(1).first().extracting(MessageGroupRow::lastMessage).isEqualTo("now");
        assertThat(groupRowsOf(TOBI)).hasSize(1).first().extracting(MessageGroupRow::lastMessageAt).isEqualTo(r.createdAt());
    }

    @Test
    void readsGroupRowsWrittenByTheBackendWithoutMicroseconds() {
        String group = UUID.randomUUID().toString();
        put(TableItems.toItem(TableItems.groupRow(MARA, TOBI, group, "2023-04-09T06:03:47+00:00", "old")));
        put(TableItems.toItem(TableItems.groupRow(TOBI, MARA, group, "2023-04-09T16:03:47+10:00", "old")));
        table.post().toGroup("@tobi", group, "new");
        assertThat(groupRowsOf(MARA)).hasSize(1);
        assertThat(groupRowsOf(TOBI)).hasSize(1).first().extracting(MessageGroupRow::lastMessage).isEqualTo("new");
    }

    @Test
    void readOnlyProfileRefusesBeforeWriting() {
        ConnectionProfile readOnly = new ConnectionProfile("ro", ConnectionProfile.Kind.ENDPOINT, LocalDynamoDb.endpoint(), null, null,
                table.session().tableName(), null, null, true);
        try (MessagesTable ro = new MessagesTable(DynamoSession.open(readOnly, LocalDynamoDb.dirs(), false, s -> { }), SeedUsers.DEFAULT)) {
            assertThatThrownBy(() -> ro.post().toUser("@mara", "@tobi", "hi"))
                    .isInstanceOf(ConsoleException.class)
                    .hasMessageStartingWith("Profile 'ro' is read-only: post refused")
                    .extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.READ_ONLY);
            assertThatThrownBy(() -> ro.seeder().seed(SeedPlan.defaults(), (d, t) -> { }, () -> false))
                    .hasMessageContaining("read-only: seed refused");
            assertThatThrownBy(() -> ro.schema().drop(ro.session().tableName())).hasMessageContaining("read-only: drop refused");
            ro.session().unlockWrites();
            ro.post().toUser("@mara", "@tobi", "unlocked");
        }
        assertThat(allItems()).hasSize(3);
    }

    @Test
    void pairConversationIdIsTheSameInBothOrders() {
        assertThat(PostMessage.pairGroupUuid(MARA.uuid(), TOBI.uuid())).isEqualTo(PostMessage.pairGroupUuid(TOBI.uuid(), MARA.uuid()))
                .isNotEqualTo(PostMessage.pairGroupUuid(MARA.uuid(), LENA.uuid()));
    }

    @Test
    void clockBehindStillOrdersAfterTheLastMessage() {
        PostResult first = table.post().toUser("@mara", "@tobi", "first");
        Clock behind = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        PostMessage slowClock = new PostMessage(table.session(), table.users(), behind);
        PostResult second = slowClock.toGroup("@tobi", first.messageGroupUuid(), "second");
        assertThat(second.createdAt()).isEqualTo(Timestamps.format(Timestamps.nextAfter(Timestamps.parse(first.createdAt()))));
        assertThat(table.conversations().newest(first.messageGroupUuid()).rows().get(0).message()).isEqualTo("second");
    }

    private void put(Map<String, AttributeValue> item) {
        table.session().call(c -> c.putItem(p -> p.tableName(table.session().tableName()).item(item)));
    }
}
