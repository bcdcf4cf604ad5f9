package org.cruddur.console.service.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cruddur.console.service.moderation.ConversationFixture.MARA;
import static org.cruddur.console.service.moderation.ConversationFixture.TOBI;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A moderator deleting or editing the newest message while four people post into the same conversation (real
 * threads, real PostMessage): no post is lost, only the chosen messages go, and both rows end at the newest message.
 * {@code -Dmoderation.race.repeats=20} runs each race 20 times.
 */
class ModerationRaceTest {

    static final int POSTERS = 4;
    static final int POSTS = 8;
    static final int MAX_ACTIONS = 12;

    static int repeats() {
        return Integer.getInteger("moderation.race.repeats", 1);
    }

    @TestFactory
    Stream<DynamicTest> deletesRacingFourPosters() {
        return IntStream.rangeClosed(1, repeats()).mapToObj(i -> DynamicTest.dynamicTest("delete race #" + i, () -> race(true)));
    }

    @TestFactory
    Stream<DynamicTest> editsRacingFourPosters() {
        return IntStream.rangeClosed(1, repeats()).mapToObj(i -> DynamicTest.dynamicTest("edit race #" + i, () -> race(false)));
    }

    private void race(boolean deleting) throws Exception {
        try (MessagesTable table = LocalDynamoDb.freshTable("modrace")) {
            ModerationLog log = new ModerationLog(LocalDynamoDb.dirs().dataDir());
            String group = table.post().toUser("@mara", "@tobi", "start").messageGroupUuid();
            for (int i = 0; i < 3; i++) {
                table.post().toGroup(i % 2 == 0 ? "@tobi" : "@mara", group, "before " + i);
            }
            ExecutorService pool = Executors.newFixedThreadPool(POSTERS + 1);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<PostResult>>> posters = new ArrayList<>();
            for (int t = 0; t < POSTERS; t++) {
                String sender = t % 2 == 0 ? "@mara" : "@tobi";
                int thread = t;
                posters.add(pool.submit(() -> {
                    go.await();
                    List<PostResult> mine = new ArrayList<>();
                    for (int i = 0; i < POSTS; i++) {
                        mine.add(table.post().toGroup(sender, group, "p" + thread + " #" + i));
                        Thread.sleep(ThreadLocalRandom.current().nextInt(4)); // gaps in which the moderator's target is the newest
                    }
                    return mine;
                }));
            }
            AtomicBoolean postersDone = new AtomicBoolean();
            Callable<List<ModerationResult>> moderator = () -> {
                go.await();
                List<ModerationResult> done = new ArrayList<>();
                // acts on the newest message for as long as the posters post; the moderator is the only one deleting,
                // so keeping three messages means it never deletes the conversation under the posters
                for (int k = 0; k < MAX_ACTIONS && !postersDone.get(); k++) {
                    List<MessageRow> page = table.conversations().page(group, 3, null).rows();
                    if (deleting && page.size() < 3) {
                        k--;
                        Thread.sleep(1);
                        continue;
                    }
                    MessageRow newest = page.get(0);
                    done.add(deleting
                            ? new DeleteMessage(table.session(), log).delete(group, newest.messageUuid())
                            : new EditMessage(table.session(), log).edit(group, newest.messageUuid(), "redacted " + k));
                }
                return done;
            };
            Future<List<ModerationResult>> moderation = pool.submit(moderator);
            go.countDown();
            List<PostResult> posted = new ArrayList<>();
            for (Future<List<PostResult>> f : posters) {
                posted.addAll(f.get(5, TimeUnit.MINUTES));
            }
            postersDone.set(true);
            List<ModerationResult> actions = moderation.get(5, TimeUnit.MINUTES);
            int acted = actions.size();
            assertThat(acted).as("the moderator acted while they posted").isPositive();
            pool.shutdown();

            List<MessageRow> messages = table.conversations().all(group).rows();
            Map<String, MessageRow> byUuid = new HashMap<>();
            messages.forEach(m -> byUuid.put(m.messageUuid(), m));
            Set<String> touched = new HashSet<>();
            actions.forEach(a -> touched.add(a.messageUuid()));
            if (deleting) {
                assertThat(touched).as("each delete on a different message").hasSize(acted);
            }
            if (deleting) {
                assertThat(messages).hasSize(4 + POSTERS * POSTS - acted);
                assertThat(byUuid.keySet()).doesNotContainAnyElementsOf(touched);
                for (PostResult p : posted) {
                    assertThat(byUuid.containsKey(p.messageUuid()) || touched.contains(p.messageUuid()))
                            .as("post %s kept unless it was the one deleted", p.messageUuid()).isTrue();
                }
            } else {
                assertThat(messages).hasSize(4 + POSTERS * POSTS);
                for (PostResult p : posted) {
                    assertThat(byUuid).containsKey(p.messageUuid());
                }
                Map<String, String> lastEdit = new HashMap<>();
                for (int k = 0; k < acted; k++) {
                    lastEdit.put(actions.get(k).messageUuid(), "redacted " + k);
                }
                lastEdit.forEach((uuid, text) -> assertThat(byUuid.get(uuid).message()).isEqualTo(text));
                assertThat(messages).filteredOn(m -> !touched.contains(m.messageUuid()))
                        .allMatch(m -> !m.message().startsWith("redacted"));
            }
            MessageRow newest = messages.get(0);
            for (ChatUser[] pair : new ChatUser[][] {{MARA, TOBI}, {TOBI, MARA}}) {
                List<MessageGroupRow> rows = table.inbox().allRowsAsStored(pair[0].uuid()).rows();
                assertThat(rows).as("rows of %s", pair[0].handle()).hasSize(1);
                assertThat(rows.get(0).lastMessageAt()).isEqualTo(newest.createdAt());
                assertThat(rows.get(0).lastMessage()).isEqualTo(newest.message());
                assertThat(rows.get(0).otherUserUuid()).isEqualTo(pair[1].uuid());
            }
            assertThat(log.lines()).hasSize(acted);
            long retried = actions.stream().filter(a -> a.attempts() > 1).count();
            long rowsWritten = actions.stream().filter(a -> a.inbox() != InboxChange.UNCHANGED).count();
            System.out.printf("moderation race (%s): %d actions, %d moved/updated the rows, %d retried (max %d attempts)%n",
                    deleting ? "delete" : "edit", actions.size(), rowsWritten, retried,
                    actions.stream().mapToInt(ModerationResult::attempts).max().orElse(0));
        }
    }
}
