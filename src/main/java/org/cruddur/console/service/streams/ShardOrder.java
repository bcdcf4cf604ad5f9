package org.cruddur.console.service.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/**
 * Orders shards so that a parent comes before its children: records of one key move to a child shard when its
 * shard splits or closes, so reading parents first keeps each item's records in order.
 */
final class ShardOrder {

    private ShardOrder() {
    }

    static List<Shard> parentsFirst(List<Shard> shards) {
        Map<String, Shard> byId = new LinkedHashMap<>();
        shards.forEach(s -> byId.put(s.shardId(), s));
        List<Shard> roots = new ArrayList<>();
        Map<String, List<Shard>> children = new LinkedHashMap<>();
        for (Shard s : shards) {
            // a parent the stream no longer lists (trimmed after 24 hours) leaves its child a root
            if (s.parentShardId() == null || !byId.containsKey(s.parentShardId())) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.parentShardId(), k -> new ArrayList<>()).add(s);
            }
        }
        Comparator<Shard> byStart = Comparator.comparing(ShardOrder::startingSequence);
        roots.sort(byStart);
        List<Shard> ordered = new ArrayList<>(shards.size());
        List<Shard> queue = new ArrayList<>(roots);
        while (!queue.isEmpty()) {
            Shard next = queue.remove(0);
            ordered.add(next);
            List<Shard> kids = new ArrayList<>(children.getOrDefault(next.shardId(), List.of()));
            kids.sort(byStart);
            queue.addAll(kids);
        }
        return ordered;
    }

    /** Sequence numbers are decimal strings of up to 40 digits: compared as numbers, not as text. */
    private static java.math.BigInteger startingSequence(Shard s) {
        String start = s.sequenceNumberRange() == null ? null : s.sequenceNumberRange().startingSequenceNumber();
        try {
            return start == null ? java.math.BigInteger.ZERO : new java.math.BigInteger(start);
        } catch (NumberFormatException e) {
            return java.math.BigInteger.ZERO;
        }
    }
}
