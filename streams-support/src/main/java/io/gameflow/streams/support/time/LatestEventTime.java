package io.gameflow.streams.support.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest event time this instance processed, over all its tasks and threads: how far behind the wall clock the
 * analytics are (the evaluation-lag gauge), and {@code as_of} when no store has an answer yet.
 */
public final class LatestEventTime {

    public static final long NONE = Long.MIN_VALUE;

    private final AtomicLong latest = new AtomicLong(NONE);

    public void advanceTo(long eventTime) {
        latest.accumulateAndGet(eventTime, Math::max);
    }

    /** Epoch ms, or {@link #NONE} before the first event. */
    public long get() {
        return latest.get();
    }

    /** Wall clock minus the latest event time, in seconds; 0 before the first event. */
    public double lagSeconds(long wallNow) {
        long time = latest.get();
        return time == NONE ? 0 : (wallNow - time) / 1000.0;
    }
}
