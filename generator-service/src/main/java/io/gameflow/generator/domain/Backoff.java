package io.gameflow.generator.domain;

import java.time.Duration;

/**
 * How long to wait before a batch is sent again: what the server asked for in Retry-After when it said, else a wait
 * that doubles from {@code first} with every failure in a row; never longer than {@code max}.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, got first " + first + ", max " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next try; {@code retryAfter} is the server's wish, or null. */
    public Duration after(Duration retryAfter) {
        Duration wait = retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero() ? retryAfter : next;
        next = min(next.multipliedBy(2), max);
        return min(wait, max);
    }

    /** A success: the next failure waits {@code first} again. */
    public void reset() {
        next = first;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
