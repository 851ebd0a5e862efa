package io.gameflow.engagement.streams;

import io.gameflow.events.time.ClockSkew;

import java.time.Duration;

/**
 * The bounds on the times of input events: an event dated more than {@code maxFuture} ahead of the wall clock is
 * unusable (dead-lettered); one dated more than the skew ahead of its receipt counts at its receipt time.
 */
public record InputTime(Duration maxFuture, ClockSkew skew) {

    public static final InputTime DEFAULTS = new InputTime(Duration.ofDays(2), new ClockSkew(Duration.ofMinutes(2)));

    <E, T> InputReader<E, T> reader(InputReader.Kind<E, T> kind, Runnable skewed) {
        return new InputReader<>(kind, maxFuture, skew, skewed);
    }
}
