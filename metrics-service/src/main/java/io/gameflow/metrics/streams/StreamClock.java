package io.gameflow.metrics.streams;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest event time this instance processed (over all its tasks), for the evaluation-lag gauge and for
 * {@code as_of} when no store has an answer yet.
 */
public final class StreamClock {

    private final AtomicLong latestEventTime = new AtomicLong(Long.MIN_VALUE);

    void advanceTo(long eventTime) {
        latestEventTime.accumulateAndGet(eventTime, Math::max);
    }

    /** Epoch ms, or {@link Long#MIN_VALUE} before the first sample. */
    public long latestEventTime() {
        return latestEventTime.get();
    }
}
