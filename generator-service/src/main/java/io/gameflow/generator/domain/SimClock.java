package io.gameflow.generator.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Event time from wall time. At speed 1 it is the wall clock. Faster (60: an hour of play in a minute, for demos,
 * tests and benchmarks), it plays through the recent past: event time starts behind the wall clock by just enough to
 * run {@code speed} times as fast for {@code fastFor} of wall time and meet the wall clock then, and from there on it
 * is the wall clock. GameFlow counts no event later than it was received (README, "Time"), so a generator whose clock
 * ran ahead of the wall clock would see its own events counted at their receipt, not at their simulated time.
 */
public final class SimClock {

    private final Instant wallStart;
    private final Instant eventStart;
    private final double speed;

    public SimClock(Instant wallStart, double speed, Duration fastFor) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the clock speed must be a positive number, got " + speed);
        }
        if (fastFor.isNegative()) {
            throw new IllegalArgumentException("the fast clock's span must not be negative, got " + fastFor);
        }
        this.wallStart = wallStart.truncatedTo(ChronoUnit.MILLIS);
        this.speed = speed;
        long behind = speed > 1 ? Math.round(fastFor.toMillis() * (speed - 1)) : 0;
        this.eventStart = this.wallStart.minusMillis(behind);
    }

    public double speed() {
        return speed;
    }

    /** The event time at wall time {@code wallNow}, to the millisecond; never ahead of {@code wallNow} when faster than 1. */
    public Instant eventTime(Instant wallNow) {
        long wallMillis = Duration.between(wallStart, wallNow).toMillis();
        Instant fast = eventStart.plusMillis(Math.round(wallMillis * speed));
        return speed > 1 && fast.isAfter(wallNow) ? wallNow.truncatedTo(ChronoUnit.MILLIS) : fast;
    }
}
