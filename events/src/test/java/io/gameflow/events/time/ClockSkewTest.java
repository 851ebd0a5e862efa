package io.gameflow.events.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockSkewTest {

    private static final long RECEIVED = 1_800_000_000_000L;
    private static final long MINUTE = 60_000;
    private final ClockSkew skew = new ClockSkew(Duration.ofMinutes(2));

    @Test
    void anEventWithinTheSkewCountsAtItsOwnTime() {
        assertEquals(RECEIVED + 2 * MINUTE, skew.analyticsTime(RECEIVED + 2 * MINUTE, RECEIVED));
        assertFalse(skew.isAhead(RECEIVED + 2 * MINUTE, RECEIVED));
    }

    @Test
    void anEventFurtherAheadCountsAtItsReceiptTime() {
        assertTrue(skew.isAhead(RECEIVED + 2 * MINUTE + 1, RECEIVED));
        assertEquals(RECEIVED, skew.analyticsTime(RECEIVED + 60 * MINUTE, RECEIVED));
        assertEquals(RECEIVED, skew.analyticsTime(RECEIVED + 24 * 60 * MINUTE, RECEIVED));
    }

    @Test
    void anEventInThePastCountsAtItsOwnTime() {
        long yesterday = RECEIVED - 24 * 60 * MINUTE;
        assertEquals(yesterday, skew.analyticsTime(yesterday, RECEIVED));
    }

    @Test
    void aRecordTimestampAheadOfTheWallClockIsNotBelieved() {
        assertEquals(RECEIVED, ClockSkew.receivedAt(RECEIVED + 24 * 60 * MINUTE, RECEIVED));
        assertEquals(RECEIVED - MINUTE, ClockSkew.receivedAt(RECEIVED - MINUTE, RECEIVED));
        assertEquals(RECEIVED, ClockSkew.receivedAt(-1, RECEIVED), "a record without a timestamp was received now");
    }

    @Test
    void aNegativeSkewIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClockSkew(Duration.ofMinutes(-1)));
    }
}
