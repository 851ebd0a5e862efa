package io.gameflow.generator.service;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How fast the generator really sends, against its set rate: player events the destination acknowledged per second of
 * event time over the last {@value #WINDOW_NANOS} ns of wall time, and whether it had to hold back (send fewer than
 * were due, or none) in that time because the destination took no more.
 */
final class Pace {

    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final long MIN_SPAN_NANOS = 1_000_000_000L;

    private record Sample(long wallNanos, long delivered) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long lastHeldBackNanos = Long.MIN_VALUE;

    /** At every tick: how many player events the destination has acknowledged so far. */
    synchronized void observe(long wallNanos, long deliveredPlayerEvents) {
        samples.addLast(new Sample(wallNanos, deliveredPlayerEvents));
        while (samples.size() > 2 && wallNanos - samples.peekFirst().wallNanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** The tick sent fewer events than were due, or none: the destination took no more. */
    synchronized void heldBack() {
        lastHeldBackNanos = samples.isEmpty() ? System.nanoTime() : samples.peekLast().wallNanos();
    }

    /** Player events acknowledged per second of event time, or null with less than a second observed. */
    synchronized Double achievedRate(double clockSpeed) {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long span = last.wallNanos() - first.wallNanos();
        if (span < MIN_SPAN_NANOS) {
            return null;
        }
        return (last.delivered() - first.delivered()) * 1e9 / span / clockSpeed;
    }

    /** Whether the generator held back within the window. */
    synchronized boolean behind() {
        return !samples.isEmpty() && lastHeldBackNanos != Long.MIN_VALUE
                && samples.peekLast().wallNanos() - lastHeldBackNanos <= WINDOW_NANOS;
    }

    /** After a stop: what was measured no longer says anything about the next run. */
    synchronized void reset() {
        samples.clear();
        lastHeldBackNanos = Long.MIN_VALUE;
    }
}
