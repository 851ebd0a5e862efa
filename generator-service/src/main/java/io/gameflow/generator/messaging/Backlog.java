package io.gameflow.generator.messaging;

import java.time.Duration;

/** A count of events handed to a sink and not yet settled, that a flush can wait on. */
final class Backlog {

    private long pending;

    synchronized void add(long events) {
        pending += events;
    }

    synchronized void settle(long events) {
        pending -= events;
        if (pending <= 0) {
            notifyAll();
        }
    }

    synchronized long size() {
        return pending;
    }

    /** True when everything was settled within the timeout. */
    synchronized boolean awaitEmpty(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending <= 0;
        }
    }
}
