package io.gameflow.events.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskClockTest {

    private static final long WALL = 1_800_000_000_000L;
    private final TaskClock clock = new TaskClock();

    @Test
    void isUnknownBeforeTheFirstRecord() {
        assertEquals(TaskClock.UNKNOWN, clock.now(WALL));
        assertFalse(clock.isKnown());
    }

    @Test
    void followsTheLatestRecordAndIgnoresOlderOnes() {
        long yesterday = WALL - 86_400_000;
        assertTrue(clock.observe(yesterday, WALL));
        assertFalse(clock.observe(yesterday - 1000, WALL));
        assertEquals(yesterday, clock.now(WALL));
    }

    @Test
    void isCarriedOnByTheWallClockWhileNothingArrives() {
        long yesterday = WALL - 86_400_000;
        clock.observe(yesterday, WALL);
        assertEquals(yesterday + 30_000, clock.now(WALL + 30_000));
    }

    @Test
    void neverRunsAheadOfTheWallClock() {
        clock.observe(WALL + 120_000, WALL);
        assertEquals(WALL, clock.now(WALL));
        assertEquals(WALL + 10_000, clock.now(WALL + 10_000));
        clock.observe(WALL - 5_000, WALL);
        assertEquals(WALL, clock.now(WALL), "a later but older record does not hold it back");
    }

    @Test
    void startsOverAfterAReset() {
        clock.observe(WALL, WALL);
        clock.reset();
        assertEquals(TaskClock.UNKNOWN, clock.now(WALL));
    }
}
