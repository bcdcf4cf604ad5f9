package org.cruddur.console.service.table;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableScannerTest {

    static MessagesTable table;
    static final int MESSAGES = 600;

    @BeforeAll
    static void seed() {
        table = LocalDynamoDb.freshTable("scan");
        table.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, 3, MESSAGES), (d, t) -> { }, () -> false);
    }

    @AfterAll
    static void close() {
        table.close();
    }

    private static long expectedMatches(String word) {
        List<Map<String, AttributeValue>> all = table.scanner().page(100_000, null, null).items();
        return all.stream().filter(i -> i.containsKey("message") && i.get("message").s().contains(word)).count();
    }

    @Test
    void pagesCoverTheTableOnceEach() {
        Set<String> keys = new HashSet<>();
        Page<Map<String, AttributeValue>> page = table.scanner().page(97, null, null);
        int pages = 1;
        page.items().forEach(i -> keys.add(i.get("pk").s() + "|" + i.get("sk").s()));
        while (page.hasMore()) {
            page = table.scanner().page(97, page.nextKey(), null);
            page.items().forEach(i -> assertThat(keys.add(i.get("pk").s() + "|" + i.get("sk").s())).isTrue());
            pages++;
        }
        assertThat(keys).hasSize(MESSAGES + 6);
        assertThat(pages).isEqualTo((MESSAGES + 6 + 96) / 97);
    }

    @Test
    void filteredPagesFillUpAndContinueWhereTheyStopped() {
        String word = "DynamoDB";
        long expected = expectedMatches(word);
        assertThat(expected).isBetween(10L, (long) MESSAGES);
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Page<Map<String, AttributeValue>> page = table.scanner().page(7, null, new TableScanner.ScanFilter("message", word));
        found.addAll(page.items());
        assertThat(page.items()).hasSize(7);
        while (page.hasMore()) {
            page = table.scanner().page(7, page.nextKey(), new TableScanner.ScanFilter("message", word));
            found.addAll(page.items());
        }
        assertThat(found).hasSize((int) expected).allSatisfy(i -> assertThat(i.get("message").s()).contains(word));
        assertThat(new HashSet<>(found)).hasSize(found.size());
    }

    @Test
    void parallelScanFindsEveryMatchOnceWithProgress() {
        String word = "sprint";
        List<Map<String, AttributeValue>> found = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastScanned = new AtomicLong();
        TableScanner.ScanSummary summary = table.scanner().scanAll(4, new TableScanner.ScanFilter("message", word), found::addAll,
                (scanned, matched, total) -> lastScanned.accumulateAndGet(scanned, Math::max), () -> false);
        assertThat(summary.scanned()).isEqualTo(MESSAGES + 6);
        assertThat(summary.matched()).isEqualTo(expectedMatches(word)).isEqualTo(found.size());
        assertThat(lastScanned.get()).isEqualTo(MESSAGES + 6);
    }

    @Test
    void automaticSegmentsGrowWithATableOnDynamoDbLocalAndStayAtFourOnAws() {
        assertThat(TableScanner.segmentsFor(0, false)).isEqualTo(4);
        assertThat(TableScanner.segmentsFor(10_000, false)).isEqualTo(4);
        assertThat(TableScanner.segmentsFor(48_000, false)).isEqualTo(16);
        assertThat(TableScanner.segmentsFor(100_000, false)).isEqualTo(32);
        assertThat(TableScanner.segmentsFor(5_000_000, false)).isEqualTo(32);
        assertThat(TableScanner.segmentsFor(5_000_000, true)).isEqualTo(4);

        String word = "sprint";
        List<Map<String, AttributeValue>> found = Collections.synchronizedList(new ArrayList<>());
        TableScanner.ScanSummary summary = table.scanner().scanAll(TableScanner.AUTO_SEGMENTS, new TableScanner.ScanFilter("message", word),
                found::addAll, (scanned, matched, total) -> { }, () -> false);
        assertThat(summary.segments()).isEqualTo(4);
        assertThat(summary.matched()).isEqualTo(expectedMatches(word));
        assertThat(new HashSet<>(found)).hasSize(found.size()).hasSize((int) expectedMatches(word));
    }

    @Test
    void parallelScanCancels() {
        assertThatThrownBy(() -> table.scanner().scanAll(2, null, items -> { }, (s, m, t) -> { }, () -> true))
                .isInstanceOf(ConsoleException.class).hasMessageStartingWith("Scan cancelled");
    }
}
