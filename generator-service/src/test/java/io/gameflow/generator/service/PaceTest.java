package io.gameflow.generator.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theAchievedRateIsPerSecondOfEventTimeOverTheLastTenSeconds() {
        Pace pace = new Pace();
        assertNull(pace.achievedRate(1), "nothing observed yet");
        pace.observe(0, 0);
        pace.observe(SECOND / 2, 500);
        assertNull(pace.achievedRate(1), "less than a second observed");
        // 1,000 acknowledged per wall second for 20 s, then 100 per second: only the last 10 s count
        for (int s = 1; s <= 20; s++) {
            pace.observe(s * SECOND, s * 1_000L);
        }
        assertEquals(1_000.0, pace.achievedRate(1), 1e-9);
        for (int s = 21; s <= 40; s++) {
            pace.observe(s * SECOND, 20_000L + (s - 20) * 100L);
        }
        assertEquals(100.0, pace.achievedRate(1), 1e-9);
        // at a clock ten times as fast, a wall second is ten seconds of event time
        assertEquals(10.0, pace.achievedRate(10), 1e-9);
    }

    @Test
    void behindForTenSecondsAfterTheLastTickThatHeldBack() {
        Pace pace = new Pace();
        pace.observe(0, 0);
        assertFalse(pace.behind());
        pace.heldBack();
        assertTrue(pace.behind());
        pace.observe(10 * SECOND, 10);
        assertTrue(pace.behind(), "held back 10 s ago");
        pace.observe(11 * SECOND, 11);
        assertFalse(pace.behind(), "nothing held back for over 10 s");
        pace.heldBack();
        pace.reset();
        assertFalse(pace.behind(), "a stop forgets");
        assertNull(pace.achievedRate(1));
    }
}
