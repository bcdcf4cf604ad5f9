package org.cruddur.console.service.health;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Findings as the scan's threads report them: every one counted, the first {@link #MAX_LISTED} kept. */
final class FindingList {

    /** Enough to show and repair from; a table broken item by item must not fill memory with its findings. */
    static final int MAX_LISTED = 100_000;

    private final Map<FindingKind, LongAdder> counts = new EnumMap<>(FindingKind.class);
    private final List<Finding> listed = new ArrayList<>();

    FindingList() {
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    void add(Finding finding) {
        counts.get(finding.kind()).increment();
        synchronized (listed) {
            if (listed.size() < MAX_LISTED) {
                listed.add(finding);
            }
        }
    }

    /** Counts a finding without listing it (the conversation keeps only a sample of such items). */
    void countOnly(FindingKind kind, long n) {
        counts.get(kind).add(n);
    }

    List<Finding> sorted() {
        synchronized (listed) {
            List<Finding> copy = new ArrayList<>(listed);
            copy.sort(Finding.ORDER);
            return copy;
        }
    }

    Map<FindingKind, Long> counts() {
        Map<FindingKind, Long> out = new EnumMap<>(FindingKind.class);
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
