package io.gameflow.generator.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Event time from wall time: from the moment the generator first starts, event time runs {@code speed} times as fast
 * as the wall clock (60: an hour of play in a minute), for demos, tests and benchmarks. At speed 1 it is the wall
 * clock.
 */
public final class SimClock {

    private final Instant wallStart;
    private final double speed;

    public SimClock(Instant wallStart, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the clock speed must be a positive number, got " + speed);
        }
        this.wallStart = wallStart.truncatedTo(ChronoUnit.MILLIS);
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    /** The event time at wall time {@code wallNow}, to the millisecond. */
    public Instant eventTime(Instant wallNow) {
        long wallMillis = Duration.between(wallStart, wallNow).toMillis();
        return wallStart.plusMillis(Math.round(wallMillis * speed));
    }
}
