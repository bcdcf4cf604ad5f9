package org.cruddur.console.service.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.items.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a check holds in memory at 1,000,000 items, without a table of that size: the items a scan would hand over,
 * generated page by page (100 items, as a scan page of this data holds), fed to the check's own summaries, then the
 * heap measured after a full GC with every summary still held. Run from the benchmark harness (or its main).
 */
public final class HealthHeapMeasurement {

    private HealthHeapMeasurement() {
    }

    /** Heap (MB) retained by the summaries of {@code items} items in conversations of {@code messagesEach} messages. */
    public static double retainedMegabytes(int items, int messagesEach) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        FindingList findings = new FindingList();
        HealthScan scan = new HealthScan(findings);
        List<ChatUser> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(new ChatUser(UUID.nameUUIDFromBytes(("heap-user-" + i).getBytes()).toString(), "user" + i, "User Number " + i));
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Map<String, AttributeValue>> page = new ArrayList<>(100);
        int written = 0;
        int conversation = 0;
        while (written < items) {
            String group = UUID.nameUUIDFromBytes(("heap-conversation-" + conversation).getBytes()).toString();
            ChatUser a = people.get(conversation % people.size());
            ChatUser b = people.get((conversation + 1) % people.size());
            String last = null;
            String lastText = null;
            for (int m = 0; m < messagesEach && written < items; m++) {
                last = Timestamps.format(start.plusSeconds(conversation * 10_000L + m));
                lastText = "Message " + m + " of a conversation about nothing much, long enough to look real";
                page.add(TableItems.toItem(TableItems.message(group, last, UUID.randomUUID().toString(), lastText, m % 2 == 0 ? a : b)));
                written++;
                flush(scan, page);
            }
            for (ChatUser[] pair : new ChatUser[][] {{a, b}, {b, a}}) {
                if (written < items) {
                    page.add(TableItems.toItem(TableItems.groupRow(pair[0], pair[1], group, last, lastText)));
                    written++;
                    flush(scan, page);
                }
            }
            conversation++;
        }
        scan.accept(page);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        if (scan.items() != items) {
            throw new IllegalStateException("fed " + scan.items() + " items, not " + items);
        }
        double mb = (after - before) / 1048576.0;
        System.out.printf(Locale.ROOT, "check summaries of %,d items in %,d conversations: %.1f MB retained%n", items,
                scan.conversations().size(), mb);
        return mb;
    }

    private static void flush(HealthScan scan, List<Map<String, AttributeValue>> page) {
        if (page.size() == 100) {
            scan.accept(page);
            page.clear();
        }
    }

    public static void main(String[] args) {
        retainedMegabytes(1_000_000, 98);
        retainedMegabytes(1_000_000, 1);
    }
}
