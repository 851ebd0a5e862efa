package io.gameflow.ingest.domain;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in continuously up to {@code capacity}; a request for n tokens
 * either takes them all or is told how long until they are there. Thread-safe.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs a rate > 0 and a burst >= 1, got rate "
                    + ratePerSecond + " and burst " + capacity);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /**
     * Takes {@code count} tokens. A request larger than the burst passes once the bucket is full, and leaves it in
     * debt: what it took beyond the burst is paid back before the next request passes, so the rate holds for
     * requests of any size.
     *
     * @return 0 when taken, else the nanoseconds until enough tokens will be there (nothing is taken then)
     */
    public synchronized long tryTake(int count) {
        refill();
        double needed = Math.min(count, capacity);
        if (tokens >= needed) {
            tokens -= count;
            return 0;
        }
        return (long) Math.ceil((needed - tokens) / ratePerSecond * NANOS_PER_SECOND);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * ratePerSecond);
        refilledAt = now;
    }
}
