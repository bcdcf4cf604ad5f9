package org.cruddur.console.service.streams;

import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The messages table's DynamoDB stream: whether there is one, turning one on, its shards, and tails over it. */
public final class TableStream {

    /** Thrown when the table has no enabled stream: the message names the remedy. */
    public static final class NoStreamException extends ConsoleException {
        NoStreamException(String table) {
            super(Kind.NOT_FOUND, "Table '" + table + "' has no stream: enable a NEW_IMAGE stream, as the reference's setup does"
                    + " (ddb stream enable, or the Streams pane's Enable stream; writes must be unlocked)");
        }
    }

    /** What DescribeTable says of the stream. */
    public record Status(boolean enabled, String viewType, String arn) {
    }

    private final DynamoSession session;

    public TableStream(DynamoSession session) {
        this.session = session;
    }

    public DynamoSession session() {
        return session;
    }

    public Status status() {
        TableDescription t = session.call(c -> c.describeTable(r -> r.tableName(session.tableName()))).table();
        StreamSpecification spec = t.streamSpecification();
        boolean enabled = spec != null && Boolean.TRUE.equals(spec.streamEnabled()) && t.latestStreamArn() != null;
        return new Status(enabled, spec == null ? null : spec.streamViewTypeAsString(), t.latestStreamArn());
    }

    /** The ARN of the table's enabled stream, else {@link NoStreamException}. */
    public String arn() {
        Status s = status();
        if (!s.enabled()) {
            throw new NoStreamException(session.tableName());
        }
        return s.arn();
    }

    /**
     * Turns on a NEW_IMAGE stream (what the backend's Lambda needs) and waits until the table is ACTIVE again; false
     * when a stream was already on. Respects the profile's read-only lock.
     */
    public boolean enable() {
        session.requireWrites("enable stream");
        if (status().enabled()) {
            return false;
        }
        session.call(c -> c.updateTable(u -> u.tableName(session.tableName()).streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())));
        session.call(c -> c.waiter().waitUntilTableExists(r -> r.tableName(session.tableName())));
        return true;
    }

    /** Every shard of the stream, following DescribeStream's pages, parents before their children. */
    public List<Shard> shards(String arn) {
        List<Shard> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            DescribeStreamResponse page = session.callStreams(s -> s.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(from)));
            all.addAll(page.streamDescription().shards());
            start = page.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return ShardOrder.parentsFirst(all);
    }

    /** A tail from {@code start}; nothing is read until its first {@link StreamTail#poll()}. */
    public StreamTail tail(StreamStart start) {
        return new StreamTail(this, arn(), start, StreamPace.forSession(session), new LambdaCheck(session));
    }
}
