package org.cruddur.console.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.patterns.PostResult;
import org.cruddur.console.service.capacity.ReadCapacityBudget;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repair racing four people posting (real threads, the console's own pattern D) into the very conversations it
 * repairs: no message may be lost, and each conversation must end with exactly one row per participant at its newest
 * message, whoever wrote last.
 */
class RepairRaceTest {

    static final int POSTERS = 4;
    static final int POSTS_EACH = 12;

    MessagesTable table;

    @BeforeEach
    void open() {
        table = LocalDynamoDb.freshTable("repair-race");
    }

    @AfterEach
    void close() {
        table.close();
    }

    /** {@code -Drepair.race.rounds=20} runs the race that many times, each on a fresh table (a flaky race blocks every landing). */
    @Test
    void repairRacingFourPostersLosesNoMessageAndLeavesOneRowPerParticipant() throws Exception {
        int rounds = Integer.getInteger("repair.race.rounds", 1);
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                table.close();
                table = LocalDynamoDb.freshTable("repair-race");
            }
            race();
            System.out.println("repair race round " + round + " of " + rounds + " passed");
        }
    }

    private void race() throws Exception {
        DamagedTable t = new DamagedTable(table).damaged();
        // conversations a person can post into, each with its damage, and who may post there
        record Target(String group, ChatUser a, ChatUser b) {
        }
        List<Target> targets = List.of(new Target(t.duplicate, DamagedTable.MARA, DamagedTable.LENA),
                new Target(t.stale, DamagedTable.TOBI, DamagedTable.LENA),
                new Target(t.missingOne, DamagedTable.RAVI, DamagedTable.MARA),
                new Target(t.self, DamagedTable.INES, DamagedTable.MARA));
        Map<String, ?> before = t.messages();
        TableHealth health = new TableHealth(table.session(), table.users()::find);

        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<PostResult>>> posters = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            int poster = p;
            posters.add(pool.submit(() -> {
                go.await();
                List<PostResult> mine = new ArrayList<>();
                for (int i = 0; i < POSTS_EACH; i++) {
                    Target target = targets.get((poster + i) % targets.size());
                    ChatUser sender = (poster + i) % 2 == 0 ? target.a() : target.b();
                    mine.add(table.post().toGroup(sender.uuid(), target.group(), "p" + poster + " #" + i));
                }
                return mine;
            }));
        }
        go.countDown();
        int repairs = 0;
        int written = 0;
        while (repairs == 0 || posters.stream().anyMatch(f -> !f.isDone())) {
            RepairReport r = health.repair(FindingKind.GROUP_ROW_KINDS, false, ReadCapacityBudget.unpaced(), HealthProgress.NONE, () -> false);
            repairs++;
            written += r.writes().size();
        }
        List<PostResult> posted = new ArrayList<>();
        for (Future<List<PostResult>> f : posters) {
            posted.addAll(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(written).as("the repair wrote while the posters ran").isPositive();

        Set<String> texts = new HashSet<>();
        for (Target target : targets) {
            table.conversations().all(target.group()).rows().stream().map(MessageRow::message).forEach(texts::add);
        }
        for (int p = 0; p < POSTERS; p++) {
            for (int i = 0; i < POSTS_EACH; i++) {
                assertThat(texts).contains("p" + p + " #" + i);
            }
        }
        assertThat(t.messages()).hasSize(before.size() + POSTERS * POSTS_EACH).containsAllEntriesOf(cast(before));
        for (Target target : targets) {
            TableHealthRepairTest.assertOneRowPerParticipantAtNewest(table, target.group());
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> cast(Map<String, ?> m) {
        return (Map<String, V>) m;
    }
}
