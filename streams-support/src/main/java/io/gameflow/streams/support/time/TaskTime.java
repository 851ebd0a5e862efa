package io.gameflow.streams.support.time;

import io.gameflow.events.time.TaskClock;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

import java.time.Duration;

/**
 * A stream task's "now" (docs/time.md): its {@link TaskClock} tied to the task's context. The latest event time the
 * task processed, carried on by the wall clock while nothing arrives and never ahead of it; every {@code every} of
 * wall-clock time the task is told "now", once it is known, to end what is due (sessions, active windows, silent
 * servers, quiet regions). Each event that moves it on moves the instance's {@link LatestEventTime} too.
 */
public final class TaskTime {

    /** What a task does when time passes. */
    public interface Tick {
        void at(long now, long wallNow);
    }

    private static final LatestEventTime NOT_SHARED = new LatestEventTime();

    private final TaskClock clock = new TaskClock();
    private final LatestEventTime instance;
    private ProcessingContext context;

    public TaskTime() {
        this(NOT_SHARED);
    }

    public TaskTime(LatestEventTime instance) {
        this.instance = instance;
    }

    /** From a processor's init: starts over (a revived task restores its stores) and ticks every {@code every}. */
    public void start(ProcessingContext context, Duration every, Tick tick) {
        start(context, every, () -> { }, tick);
    }

    /**
     * As {@link #start(ProcessingContext, Duration, Tick)}, running {@code beforeEachTick} first at every tick: for a
     * task that reads back times from its stores after a (re)start, which may move "now" on.
     */
    public void start(ProcessingContext context, Duration every, Runnable beforeEachTick, Tick tick) {
        this.context = context;
        clock.reset();
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, wallNow -> {
            beforeEachTick.run();
            long now = clock.now(wallNow);
            if (now != TaskClock.UNKNOWN) {
                tick.at(now, wallNow);
            }
        });
    }

    /** Takes in the time of a processed event; true when it moved "now" on. */
    public boolean observe(long eventTime) {
        boolean moved = clock.observe(eventTime, context.currentSystemTimeMs());
        if (moved) {
            instance.advanceTo(eventTime);
        }
        return moved;
    }

    /** Takes in a time read back from a store, at this wall-clock time: it moves this task's "now" only. */
    public void restored(long time, long wallNow) {
        clock.observe(time, wallNow);
    }

    /** Now, or {@link TaskClock#UNKNOWN} before the first event. */
    public long now() {
        return clock.now(context.currentSystemTimeMs());
    }
}
