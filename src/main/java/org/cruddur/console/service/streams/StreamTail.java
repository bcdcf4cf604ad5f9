package org.cruddur.console.service.streams;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * Reads a table's stream from one starting point onwards, round by round: a round ({@link #poll()}) reads each shard
 * that may be read once, parents to the end of their records before their children, and hands back the records,
 * oldest first, decoded, with each group-row move paired and each message INSERT judged ({@link LambdaCheck}).
 * {@link #pause(BooleanSupplier)} waits as the pace says between rounds. Positions are kept as sequence numbers, so an
 * expired iterator (15 minutes, e.g. after a long pause) is asked for again after the last record read.
 *
 * <p>Not thread-safe: one reader at a time (the CLI's loop, or the desktop's one running request).
 */
public final class StreamTail {

    private static final Logger LOG = Logger.getLogger(StreamTail.class.getName());
    /** The most GetRecords hands back in one call. */
    static final int RECORDS_PER_CALL = 1000;
    private static final long REFRESH_NANOS = 10_000_000_000L;

    private final TableStream stream;
    private final DynamoSession session;
    private final String arn;
    private final StreamStart start;
    private final StreamPace pace;
    private final LambdaCheck lambda;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private boolean described;
    private boolean refreshNeeded = true;
    private long lastRefreshNanos;
    private boolean lastRoundHadRecords;
    private boolean lastRoundThrottled;
    private int emptyRounds;
    private int throttledRounds;
    private long recordsRead;

    /** Where one shard is read. */
    private static final class Cursor {
        final Shard shard;
        /** Only for shards open when a LATEST tail started: their first iterator is LATEST, not TRIM_HORIZON. */
        boolean startAtLatest;
        String iterator;
        String lastSequence;
        boolean ended;
        boolean read;
        boolean caughtUp;

        Cursor(Shard shard) {
            this.shard = shard;
        }
    }

    StreamTail(TableStream stream, String arn, StreamStart start, StreamPace pace, LambdaCheck lambda) {
        this.stream = stream;
        this.session = stream.session();
        this.arn = arn;
        this.start = start;
        this.pace = pace;
        this.lambda = lambda;
    }

    public StreamStart start() {
        return start;
    }

    /** Records handed back so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** The number of shards known now (closed ones included). */
    public int shardCount() {
        return cursors.size();
    }

    /**
     * One round: reads each readable shard once. Without waiting: call {@link #pause} between rounds. A throttled read
     * ends the round early (the next pause backs off).
     */
    public List<StreamEvent> poll() {
        if (refreshNeeded || System.nanoTime() - lastRefreshNanos > REFRESH_NANOS) {
            refresh();
        }
        List<StreamEvent> batch = new ArrayList<>();
        boolean throttled = false;
        for (Cursor c : new ArrayList<>(cursors.values())) {
            if (c.ended || !parentDone(c)) {
                continue;
            }
            try {
                read(c, batch);
            } catch (Throttled t) {
                throttled = true;
                break;
            }
        }
        lastRoundThrottled = throttled;
        throttledRounds = throttled ? throttledRounds + 1 : 0;
        lastRoundHadRecords = !batch.isEmpty();
        emptyRounds = batch.isEmpty() ? emptyRounds + 1 : 0;
        // shards are read one after the other: put the round's records in time order (sequence numbers break ties)
        batch.sort(Comparator.comparing((StreamEvent e) -> e.approximateCreationTime() == null ? Instant.MIN : e.approximateCreationTime())
                .thenComparing(e -> sequence(e.sequenceNumber())));
        List<StreamEvent> paired = PostPairing.pair(batch);
        List<StreamEvent> judged;
        try {
            judged = lambda.judge(paired);
        } catch (ConsoleException e) {
            // the tail is still worth reading when the group rows cannot be (e.g. no permission on the GSI)
            LOG.info(() -> "Lambda check skipped: " + e.getMessage());
            judged = paired;
        }
        recordsRead += judged.size();
        return judged;
    }

    /**
     * Whether the last round reached the end of every shard's records present now: each shard that may be read was
     * read to its end (a closed one) or to an empty answer (an open one), and no child is waiting for its first read.
     */
    public boolean caughtUp() {
        if (!described || lastRoundThrottled) {
            return false;
        }
        for (Cursor c : cursors.values()) {
            if (c.ended) {
                continue;
            }
            if (parentDone(c) && (!c.read || !c.caughtUp)) {
                return false;
            }
        }
        return !refreshNeeded;
    }

    /** How long to wait before the next round: nothing after a round with records (beyond the minimum spacing), more and more while idle or throttled. */
    public long nextWaitMillis() {
        if (lastRoundThrottled) {
            return pace.throttledWait(throttledRounds - 1);
        }
        if (lastRoundHadRecords || refreshNeeded) {
            return pace.minRoundMillis();
        }
        return Math.max(pace.minRoundMillis(), pace.idleWait(Math.max(0, emptyRounds - 1)));
    }

    /** Waits {@link #nextWaitMillis()}, in short slices so that {@code stop} (or an interrupt) ends it early. */
    public void pause(BooleanSupplier stop) {
        long until = System.nanoTime() + nextWaitMillis() * 1_000_000L;
        while (!stop.getAsBoolean()) {
            long left = (until - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Throttled extends RuntimeException {
        Throttled() {
            super(null, null, false, false);
        }
    }

    private void read(Cursor c, List<StreamEvent> into) {
        for (int attempt = 0; ; attempt++) {
            if (c.iterator == null) {
                c.iterator = iterator(c);
            }
            String it = c.iterator;
            GetRecordsResponse r;
            try {
                r = session.streams().getRecords(g -> g.shardIterator(it).limit(RECORDS_PER_CALL));
            } catch (ExpiredIteratorException expired) {
                c.iterator = null; // ask again, after the last record read
                if (attempt == 0) {
                    continue;
                }
                throw translate(expired);
            } catch (TrimmedDataAccessException trimmed) {
                // the records after our position are gone (older than 24 hours): go on from the oldest still held
                LOG.info(() -> "Stream records of shard " + c.shard.shardId() + " were trimmed; reading from the oldest left");
                c.iterator = null;
                c.lastSequence = null;
                c.startAtLatest = false;
                if (attempt == 0) {
                    continue;
                }
                throw translate(trimmed);
            } catch (LimitExceededException | ProvisionedThroughputExceededException limited) {
                throw new Throttled();
            } catch (AwsServiceException e) {
                if (e.isThrottlingException()) {
                    throw new Throttled();
                }
                throw translate(e);
            } catch (SdkException e) {
                throw translate(e);
            }
            c.read = true;
            for (Record rec : r.records()) {
                into.add(StreamEvent.of(rec, c.shard.shardId()));
                c.lastSequence = rec.dynamodb().sequenceNumber();
            }
            c.iterator = r.nextShardIterator();
            if (c.iterator == null) {
                // a closed shard read to its end: its children may be read now, and the stream may list new ones
                c.ended = true;
                c.caughtUp = true;
                refreshNeeded = true;
            } else {
                c.caughtUp = r.records().isEmpty();
            }
            return;
        }
    }

    private String iterator(Cursor c) {
        ShardIteratorType type;
        if (c.lastSequence != null) {
            type = ShardIteratorType.AFTER_SEQUENCE_NUMBER;
        } else if (c.startAtLatest) {
            type = ShardIteratorType.LATEST;
        } else {
            type = ShardIteratorType.TRIM_HORIZON;
        }
        String after = c.lastSequence;
        try {
            return session.streams().getShardIterator(g -> g.streamArn(arn).shardId(c.shard.shardId()).shardIteratorType(type)
                    .sequenceNumber(type == ShardIteratorType.AFTER_SEQUENCE_NUMBER ? after : null)).shardIterator();
        } catch (LimitExceededException | ProvisionedThroughputExceededException limited) {
            throw new Throttled();
        } catch (SdkException e) {
            throw translate(e);
        }
    }

    private boolean parentDone(Cursor c) {
        String parent = c.shard.parentShardId();
        Cursor p = parent == null ? null : cursors.get(parent);
        return p == null || p.ended;
    }

    /** Learns the stream's shards (new children after a split or a close), keeping the positions of known ones. */
    private void refresh() {
        List<Shard> shards;
        try {
            shards = stream.shards(arn);
        } catch (ConsoleException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                throw new ConsoleException(ConsoleException.Kind.NOT_FOUND, "The stream of table '" + session.tableName()
                        + "' is gone (turned off, or the table was dropped)", e.getCause());
            }
            throw e;
        }
        Map<String, Cursor> ordered = new LinkedHashMap<>();
        for (Shard s : shards) {
            Cursor known = cursors.get(s.shardId());
            if (known == null) {
                known = new Cursor(s);
                if (!described && start == StreamStart.LATEST) {
                    boolean open = s.sequenceNumberRange() == null || s.sequenceNumberRange().endingSequenceNumber() == null;
                    if (open) {
                        known.startAtLatest = true;
                    } else {
                        known.ended = true; // closed before we started: nothing after "now" can be in it
                    }
                }
            }
            ordered.put(s.shardId(), known);
        }
        cursors.clear();
        cursors.putAll(ordered);
        described = true;
        refreshNeeded = false;
        lastRefreshNanos = System.nanoTime();
    }

    private ConsoleException translate(SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new ConsoleException(ConsoleException.Kind.NOT_FOUND, "The stream of table '" + session.tableName()
                    + "' is gone (turned off, or the table was dropped)", e);
        }
        return DynamoErrors.translate(e, session.endpoint(), session.tableName());
    }

    private static BigInteger sequence(String s) {
        try {
            return s == null ? BigInteger.ZERO : new BigInteger(s);
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }
}
