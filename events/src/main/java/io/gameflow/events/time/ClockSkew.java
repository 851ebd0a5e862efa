package io.gameflow.events.time;

import java.time.Duration;

/**
 * When an event counts: its own {@code event_timestamp}, unless that is more than the allowed skew ahead of when
 * GameFlow received it; then it counts at its receipt time. A client whose clock runs ahead thus moves nothing
 * past the moment it actually sent, and its events are still counted. Events dated in the past (a clock behind, a
 * backfill) count at their own time, so that replaying yesterday gives yesterday's answers.
 *
 * <p>The receipt time is the Kafka record's timestamp: the broker's append time on topics with
 * {@code message.timestamp.type=LogAppendTime}, or the time ingest-service received the request, which it sets as the
 * record's timestamp. Since any producer may write a record with any timestamp, the receipt time is never taken to
 * be later than the wall clock of the service reading it.
 */
public record ClockSkew(Duration max) {

    public ClockSkew {
        if (max == null || max.isNegative()) {
            throw new IllegalArgumentException("the maximum clock skew must be zero or more, got " + max);
        }
    }

    /** The receipt time of a record with this Kafka timestamp, read at {@code wallNow}; both in epoch ms. */
    public static long receivedAt(long recordTimestamp, long wallNow) {
        return recordTimestamp < 0 ? wallNow : Math.min(recordTimestamp, wallNow);
    }

    /** Whether an event dated {@code eventTime} and received at {@code receivedAt} is further ahead than allowed. */
    public boolean isAhead(long eventTime, long receivedAt) {
        return eventTime - receivedAt > max.toMillis();
    }

    /** The time an event counts at in the analytics; see the class comment. */
    public long analyticsTime(long eventTime, long receivedAt) {
        return isAhead(eventTime, receivedAt) ? receivedAt : eventTime;
    }
}
