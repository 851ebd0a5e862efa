package io.gameflow.streams.support.time;

import io.gameflow.events.time.TaskClock;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTimeTest {

    private static final long WALL = 1_000_000;
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final LatestEventTime instance = new LatestEventTime();
    private final List<long[]> ticks = new ArrayList<>();
    private final TaskTime time = new TaskTime(instance);

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(WALL);
        time.start(context, Duration.ofSeconds(1), (now, wall) -> ticks.add(new long[] {now, wall}));
    }

    private void tickAt(long wall) {
        context.setCurrentSystemTimeMs(wall);
        MockProcessorContext.CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
        assertEquals(PunctuationType.WALL_CLOCK_TIME, punctuator.getType());
        assertEquals(Duration.ofSeconds(1), punctuator.getInterval());
        punctuator.getPunctuator().punctuate(wall);
    }

    @Test
    void noTickBeforeTheFirstEvent() {
        tickAt(WALL + 1000);

        assertTrue(ticks.isEmpty());
        assertEquals(TaskClock.UNKNOWN, time.now());
    }

    @Test
    void theLatestEventTimeCarriedOnByTheWallClock() {
        assertTrue(time.observe(WALL - 60_000));
        assertFalse(time.observe(WALL - 61_000), "an older event does not move it");

        tickAt(WALL + 5_000);

        assertEquals(WALL - 55_000, ticks.get(0)[0]);
        assertEquals(WALL + 5_000, ticks.get(0)[1]);
        assertEquals(WALL - 60_000, instance.get());
    }

    @Test
    void neverAheadOfTheWallClock() {
        time.observe(WALL + 60_000);

        assertEquals(WALL, time.now());
    }

    @Test
    void timesReadBackFromTheStoresMoveThisTaskOnlyAndComeBeforeTheTick() {
        TaskTime restoring = new TaskTime(instance);
        MockProcessorContext<Object, Object> another = new MockProcessorContext<>();
        another.setCurrentSystemTimeMs(WALL);
        restoring.start(another, Duration.ofSeconds(1), () -> restoring.restored(WALL - 10_000, WALL),
                (now, wall) -> ticks.add(new long[] {now, wall}));

        another.scheduledPunctuators().get(0).getPunctuator().punctuate(WALL);

        assertEquals(WALL - 10_000, ticks.get(0)[0]);
        assertEquals(LatestEventTime.NONE, instance.get());
    }

    @Test
    void startingAgainForgetsWhatItSaw() {
        time.observe(WALL - 1000);
        time.start(context, Duration.ofSeconds(1), (now, wall) -> ticks.add(new long[] {now, wall}));

        assertEquals(TaskClock.UNKNOWN, time.now());
    }
}
