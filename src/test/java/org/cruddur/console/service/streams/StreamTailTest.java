package org.cruddur.console.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.patterns.ConversationGroupRows;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Tailing the table's stream on DynamoDB Local: order, kinds, post pairing, the Lambda verdicts, start points, following. */
class StreamTailTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);
    static final ChatUser LENA = SeedUsers.DEFAULT.get(2);

    /** Reads from the start to the end of the records present now. */
    static List<StreamEvent> readAll(StreamTail tail) {
        List<StreamEvent> all = new ArrayList<>();
        do {
            all.addAll(tail.poll());
        } while (!tail.caughtUp());
        return all;
    }

    /** What the backend writes for a message: the message item only (its group rows are the Lambda's job). */
    static String backendMessage(MessagesTable t, String group, Instant at, String text, ChatUser sender) {
        String sk = Timestamps.format(at);
        t.session().call(c -> c.putItem(p -> p.tableName(t.session().tableName())
                .item(TableItems.toItem(TableItems.message(group, sk, UUID.randomUUID().toString(), text, sender)))));
        return sk;
    }

    /** What the seeds' Lambda writes for a message: each group row deleted and put again at the message's sk. */
    static void lambdaRuns(MessagesTable t, String group, String sk, String text) {
        for (MessageGroupRow r : new ConversationGroupRows(t.session()).of(group)) {
            t.session().call(c -> c.deleteItem(d -> d.tableName(t.session().tableName()).key(TableItems.key(TableItems.groupPk(r.ownerUuid()), r.lastMessageAt()))));
            MessageGroupRow moved = new MessageGroupRow(r.ownerUuid(), sk, group, text, r.otherUserUuid(), r.otherUserDisplayName(), r.otherUserHandle());
            t.session().call(c -> c.putItem(p -> p.tableName(t.session().tableName()).item(TableItems.toItem(moved))));
        }
    }

    @Test
    void consolePostsAndBackendWritesAppearInOrderWithTheirKindsAndLambdaVerdicts() {
        try (MessagesTable t = LocalDynamoDb.freshTable("stream-tail")) {
            t.session().unlockWrites();
            PostResult first = t.post().toUser(MARA.uuid(), TOBI.uuid(), "hello");
            PostResult second = t.post().toGroup(TOBI.uuid(), first.messageGroupUuid(), "hi back");
            // the backend: a message, then the Lambda moving both rows to it
            String group = first.messageGroupUuid();
            Instant after = Timestamps.parse(second.createdAt()).plusSeconds(1);
            String lambdaSk = backendMessage(t, group, after, "from the backend", MARA);
            lambdaRuns(t, group, lambdaSk, "from the backend");
            // a message whose Lambda never ran
            String unseen = backendMessage(t, group, after.plusSeconds(1), "Lambda never ran", TOBI);
            // something that is neither
            t.session().call(c -> c.putItem(p -> p.tableName(t.session().tableName()).item(TableItems.key("USER#x", "profile"))));

            List<StreamEvent> events = readAll(new TableStream(t.session()).tail(StreamStart.TRIM_HORIZON));

            List<String> messages = events.stream().filter(e -> e.kind() == RecordKind.MESSAGE).map(StreamEvent::message).toList();
            assertThat(messages).containsExactly("hello", "hi back", "from the backend", "Lambda never ran");
            assertThat(events.get(events.size() - 1).kind()).isEqualTo(RecordKind.OTHER);
            assertThat(events.get(events.size() - 1).pk()).isEqualTo("USER#x");
            // in stream order: the sequence numbers only go up (one shard on DynamoDB Local)
            List<java.math.BigInteger> seqs = events.stream().map(e -> new java.math.BigInteger(e.sequenceNumber())).toList();
            assertThat(seqs).isSorted();

            // the first post: a message and two group-row INSERTs; the second: a message, two moves (REMOVE + INSERT)
            assertThat(events.stream().filter(e -> e.kind() == RecordKind.GROUP_ROW && e.isInsert()).count()).isEqualTo(6);
            assertThat(events.stream().filter(e -> e.kind() == RecordKind.GROUP_ROW && e.isRemove()).count()).isEqualTo(4);
            StreamEvent secondMessage = events.stream().filter(e -> "hi back".equals(e.message()) && e.kind() == RecordKind.MESSAGE).findFirst().orElseThrow();
            List<StreamEvent> ofSecondPost = events.stream().filter(e -> secondMessage.post().equals(e.post())).toList();
            assertThat(ofSecondPost).extracting(StreamEvent::eventName).containsExactlyInAnyOrder("INSERT", "INSERT", "INSERT", "REMOVE", "REMOVE");
            assertThat(ofSecondPost).allSatisfy(e -> assertThat(e.conversation()).isEqualTo(group));
            assertThat(ofSecondPost.stream().filter(e -> e.kind() == RecordKind.GROUP_ROW && e.isInsert()))
                    .allSatisfy(e -> assertThat(e.movedFrom()).isEqualTo(first.createdAt()));
            StreamEvent rowOfMara = ofSecondPost.stream().filter(e -> e.kind() == RecordKind.GROUP_ROW && e.isInsert()
                    && e.pk().equals("GRP#" + MARA.uuid())).findFirst().orElseThrow();
            assertThat(rowOfMara.userUuid()).isEqualTo(MARA.uuid());
            assertThat(secondMessage.userUuid()).isEqualTo(TOBI.uuid());
            assertThat(secondMessage.newImage()).containsKey("message_uuid");

            // verdicts against the table now: the rows sit at the backend's message, which the last message is after
            StreamEvent unseenEvent = events.stream().filter(e -> "Lambda never ran".equals(e.message())).findFirst().orElseThrow();
            assertThat(unseenEvent.lambda().state()).isEqualTo(LambdaState.ROWS_BEHIND);
            assertThat(unseenEvent.lambda().rows()).extracting(LambdaVerdict.Row::position)
                    .containsOnly(LambdaVerdict.Position.BEHIND);
            assertThat(unseenEvent.lambda().writes()).extracting(LambdaVerdict.Write::toString)
                    .contains("delete GRP#" + MARA.uuid() + " / " + lambdaSk, "put GRP#" + MARA.uuid() + " / " + unseen);
            StreamEvent backendEvent = events.stream().filter(e -> "from the backend".equals(e.message())).findFirst().orElseThrow();
            assertThat(backendEvent.lambda().state()).isEqualTo(LambdaState.ROWS_AT_MESSAGE);
            assertThat(secondMessage.lambda().state()).isEqualTo(LambdaState.ROWS_AHEAD);
            assertThat(events.stream().filter(e -> !e.isMessageInsert())).allSatisfy(e -> assertThat(e.lambda()).isNull());
        }
    }

    @Test
    void aMessageWithoutItsGroupRowUpdateIsBehindUntilTheConsolesTransactionFollows() {
        try (MessagesTable t = LocalDynamoDb.freshTable("stream-lambda")) {
            t.session().unlockWrites();
            PostResult first = t.post().toUser(LENA.uuid(), TOBI.uuid(), "start");
            String group = first.messageGroupUuid();
            // a naive timestamp (no offset, seconds only): one of the forms the backend writes; it must compare as a time
            String naive = Timestamps.format(Timestamps.parse(first.createdAt()).plusSeconds(2)).substring(0, 19);
            t.session().call(c -> c.putItem(p -> p.tableName(t.session().tableName())
                    .item(TableItems.toItem(TableItems.message(group, naive, "m-naive", "backend only", LENA)))));

            StreamTail tail = new TableStream(t.session()).tail(StreamStart.TRIM_HORIZON);
            List<StreamEvent> before = readAll(tail);
            StreamEvent lone = before.stream().filter(e -> "backend only".equals(e.message())).findFirst().orElseThrow();
            assertThat(lone.lambda().state()).isEqualTo(LambdaState.ROWS_BEHIND);

            PostResult next = t.post().toGroup(TOBI.uuid(), group, "the console's own transaction");
            List<StreamEvent> after = readAll(tail);
            StreamEvent posted = after.stream().filter(e -> e.isMessageInsert()).findFirst().orElseThrow();
            assertThat(posted.sk()).isEqualTo(next.createdAt());
            assertThat(posted.lambda().state()).isEqualTo(LambdaState.ROWS_AT_MESSAGE);
            assertThat(posted.lambda().rows()).hasSize(2).allSatisfy(r -> assertThat(r.position()).isEqualTo(LambdaVerdict.Position.AT));
            // and the tail went on from where it was: nothing of the first read again
            assertThat(after).noneMatch(e -> "backend only".equals(e.message()));
        }
    }

    @Test
    void latestSkipsWhatWasThereAndFollowingWaitsThenPicksUpNewRecords() throws Exception {
        try (MessagesTable t = LocalDynamoDb.freshTable("stream-follow")) {
            t.session().unlockWrites();
            PostResult first = t.post().toUser(MARA.uuid(), LENA.uuid(), "before the tail");
            StreamTail tail = new TableStream(t.session()).tail(StreamStart.LATEST);
            assertThat(readAll(tail)).isEmpty();
            assertThat(tail.caughtUp()).isTrue();

            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<List<StreamEvent>> follower = CompletableFuture.supplyAsync(() -> {
                List<StreamEvent> got = new ArrayList<>();
                int rounds = 0;
                while (!stop.get() && got.stream().noneMatch(StreamEvent::isMessageInsert)) {
                    tail.pause(stop::get);
                    got.addAll(tail.poll());
                    rounds++;
                }
                assertThat(rounds).as("waited over several rounds").isGreaterThan(1);
                return got;
            });
            Thread.sleep(700); // the follower is waiting across the end of the records
            assertThat(follower).isNotDone();
            t.post().toGroup(LENA.uuid(), first.messageGroupUuid(), "after the tail");
            List<StreamEvent> got = follower.get(30, TimeUnit.SECONDS);
            assertThat(got).filteredOn(StreamEvent::isMessageInsert).extracting(StreamEvent::message).containsExactly("after the tail");
            assertThat(got).noneMatch(e -> "before the tail".equals(e.message()));
        }
    }

    @Test
    void aTableWithoutAStreamGivesOneLineNamingTheRemedyAndEnablingRespectsTheLock() {
        try (MessagesTable t = LocalDynamoDb.freshTable("stream-none")) {
            DynamoSession s = t.session();
            s.unlockWrites();
            String plain = s.tableName() + "-plain";
            s.call(c -> c.createTable(t.schema().createTableRequest().toBuilder().tableName(plain)
                    .streamSpecification((StreamSpecification) null).build()));
            org.cruddur.console.config.ConnectionProfile plainProfile = s.profile().withTable(plain);
            org.cruddur.console.config.ConnectionProfile readOnly = new org.cruddur.console.config.ConnectionProfile(plainProfile.name(), plainProfile.kind(),
                    plainProfile.endpoint(), plainProfile.region(), plainProfile.awsProfile(), plainProfile.table(), plainProfile.userPoolId(),
                    plainProfile.cognitoEndpoint(), true);
            try (DynamoSession locked = DynamoSession.open(readOnly, LocalDynamoDb.dirs(), false, m -> { })) {
                TableStream stream = new TableStream(locked);
                assertThatThrownBy(() -> stream.tail(StreamStart.TRIM_HORIZON))
                        .isInstanceOf(TableStream.NoStreamException.class)
                        .hasMessageNotContaining("\n")
                        .hasMessageContaining("has no stream").hasMessageContaining("NEW_IMAGE").hasMessageContaining("ddb stream enable");
                assertThatThrownBy(stream::enable).isInstanceOf(ConsoleException.class)
                        .extracting(e -> ((ConsoleException) e).kind()).isEqualTo(ConsoleException.Kind.READ_ONLY);
                assertThat(stream.status().enabled()).isFalse();
                locked.unlockWrites();
                assertThat(stream.enable()).isTrue();
                assertThat(stream.status().viewType()).isEqualTo("NEW_IMAGE");
                assertThat(stream.enable()).isFalse();
                locked.call(c -> c.putItem(p -> p.tableName(plain).item(TableItems.key("MSG#g", "2026-01-01T00:00:00.000000+00:00"))));
                assertThat(readAll(stream.tail(StreamStart.TRIM_HORIZON))).extracting(StreamEvent::pk).containsExactly("MSG#g");
            }
        }
    }
}
