package org.cruddur.console.service.patterns;

import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.table.MessagesTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two people posting at once must never lose a message, duplicate a group row or move one back in time. */
class ConcurrentPostTest {

    static final ChatUser MARA = SeedUsers.DEFAULT.get(0);
    static final ChatUser TOBI = SeedUsers.DEFAULT.get(1);

    MessagesTable table;

    @BeforeEach
    void open() {
        table = LocalDynamoDb.freshTable("race");
    }

    @AfterEach
    void close() {
        table.close();
    }

    @Test
    void eightThreadsTimesFiftyPostsIntoOneConversation() throws Exception {
        String group = table.post().toUser("@mara", "@tobi", "start").messageGroupUuid();
        int threads = 8;
        int posts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<PostResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String sender = t % 2 == 0 ? "@mara" : "@tobi";
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                List<PostResult> mine = new ArrayList<>();
                for (int i = 0; i < posts; i++) {
                    mine.add(table.post().toGroup(sender, group, "t" + thread + " #" + i));
                }
                return mine;
            }));
        }
        go.countDown();
        List<PostResult> results = new ArrayList<>();
        for (Future<List<PostResult>> f : futures) {
            results.addAll(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        List<MessageRow> messages = table.conversations().all(group).rows();
        assertThat(messages).hasSize(threads * posts + 1);
        Set<String> texts = new HashSet<>();
        messages.forEach(m -> texts.add(m.message()));
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < posts; i++) {
                assertThat(texts).contains("t" + t + " #" + i);
            }
        }
        assertThat(results).extracting(PostResult::createdAt).doesNotHaveDuplicates();

        MessageRow newest = messages.get(0);
        for (ChatUser participant : List.of(MARA, TOBI)) {
            List<MessageGroupRow> rows = table.inbox().allRowsAsStored(participant.uuid()).rows();
            assertThat(rows).as("group rows of %s", participant.handle()).hasSize(1);
            assertThat(rows.get(0).lastMessageAt()).isEqualTo(newest.createdAt());
            assertThat(rows.get(0).lastMessage()).isEqualTo(newest.message());
        }
        // each thread's own posts are in the order it made them
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + " #";
            List<String> mine = messages.stream().map(MessageRow::message).filter(m -> m.startsWith(prefix)).toList();
            assertThat(mine.get(0)).isEqualTo(prefix + (posts - 1));
            assertThat(mine.get(mine.size() - 1)).isEqualTo(prefix + 0);
        }
    }

    @Test
    void racingFirstMessagesMakeOneConversation() throws Exception {
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PostResult>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            boolean fromMara = i % 2 == 0;
            int n = i;
            futures.add(pool.submit(() -> {
                go.await();
                return fromMara ? table.post().toUser("@mara", "@tobi", "hello " + n) : table.post().toUser("@tobi", "@mara", "hello " + n);
            }));
        }
        go.countDown();
        Set<String> groups = new HashSet<>();
        for (Future<PostResult> f : futures) {
            groups.add(f.get(2, TimeUnit.MINUTES).messageGroupUuid());
        }
        pool.shutdown();
        assertThat(groups).hasSize(1);
        String group = groups.iterator().next();
        List<MessageRow> messages = table.conversations().all(group).rows();
        assertThat(messages).hasSize(racers);
        for (ChatUser participant : List.of(MARA, TOBI)) {
            List<MessageGroupRow> rows = table.inbox().allRowsAsStored(participant.uuid()).rows();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).lastMessageAt()).isEqualTo(messages.get(0).createdAt());
        }
    }

    /**
     * The losing side of a same-millisecond race: every racer reads the clock only after all of them found no
     * conversation, so all write the same keys and all but one transaction is cancelled. The losers must not fail:
     * they find the winner's conversation and post into it.
     */
    @Test
    void firstMessagesInTheSameMillisecondAllLand() throws Exception {
        int racers = 4;
        Clock sameInstant = new RendezvousClock(Instant.parse("2026-11-23T12:00:00Z"), racers);
        PostMessage post = new PostMessage(table.session(), table.users(), sameInstant);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<PostResult>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            int n = i;
            futures.add(pool.submit(() -> n % 2 == 0 ? post.toUser("@mara", "@tobi", "same ms " + n)
                    : post.toUser("@tobi", "@mara", "same ms " + n)));
        }
        List<PostResult> results = new ArrayList<>();
        for (Future<PostResult> f : futures) {
            results.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(results).extracting(PostResult::messageGroupUuid).containsOnly(results.get(0).messageGroupUuid());
        assertThat(results).filteredOn(PostResult::newConversation).hasSize(1);
        assertThat(results).extracting(PostResult::createdAt).doesNotHaveDuplicates();
        List<MessageRow> messages = table.conversations().all(results.get(0).messageGroupUuid()).rows();
        assertThat(messages).extracting(MessageRow::message)
                .containsExactlyInAnyOrder("same ms 0", "same ms 1", "same ms 2", "same ms 3");
        for (ChatUser participant : List.of(MARA, TOBI)) {
            List<MessageGroupRow> rows = table.inbox().allRowsAsStored(participant.uuid()).rows();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).lastMessageAt()).isEqualTo(messages.get(0).createdAt());
        }
    }

    /** A fixed clock whose first {@code parties} readers wait for each other, to force a same-instant race. */
    private static final class RendezvousClock extends Clock {
        private final Instant instant;
        private final CyclicBarrier barrier;
        private final AtomicInteger reads = new AtomicInteger();
        private final int parties;

        RendezvousClock(Instant instant, int parties) {
            this.instant = instant;
            this.parties = parties;
            this.barrier = new CyclicBarrier(parties);
        }

        @Override
        public Instant instant() {
            if (reads.incrementAndGet() <= parties) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("racers did not meet", e);
                }
            }
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
