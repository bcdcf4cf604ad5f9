package org.cruddur.console.service.streams;

import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.session.DynamoSession;

/**
 * How fast a tail reads. AWS allows about 5 GetRecords calls per second per shard, shared with the Lambda trigger
 * reading the same shard, so there reads are spaced and an idle stream is asked less and less often; a local
 * endpoint only needs the idle back-off (never a busy loop).
 *
 * @param minRoundMillis  at least this long between two reads of the same shard
 * @param idleFirstMillis the wait after a read found nothing new; doubled while nothing comes, up to idleMaxMillis
 * @param throttledFirstMillis the wait after a throttled read; doubled while throttled, up to throttledMaxMillis
 */
public record StreamPace(long minRoundMillis, long idleFirstMillis, long idleMaxMillis, long throttledFirstMillis, long throttledMaxMillis) {

    public static final StreamPace AWS = new StreamPace(250, 250, 2_000, 500, 10_000);
    public static final StreamPace LOCAL = new StreamPace(0, 50, 1_000, 200, 5_000);

    public static StreamPace forSession(DynamoSession session) {
        return session.profile().kind() == ConnectionProfile.Kind.AWS ? AWS : LOCAL;
    }

    long idleWait(int emptyRounds) {
        return Math.min(idleMaxMillis, idleFirstMillis << Math.min(emptyRounds, 16));
    }

    long throttledWait(int throttledRounds) {
        return Math.min(throttledMaxMillis, throttledFirstMillis << Math.min(throttledRounds, 16));
    }
}
