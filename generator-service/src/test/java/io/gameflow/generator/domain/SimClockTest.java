package io.gameflow.generator.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimClockTest {

    private static final Instant WALL = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void atSpeedOneEventTimeIsWallTime() {
        SimClock clock = new SimClock(WALL, 1);
        assertEquals(WALL.plusSeconds(90), clock.eventTime(WALL.plusSeconds(90)));
    }

    @Test
    void atSpeedSixtyAMinuteOfWallTimeIsAnHourOfPlay() {
        SimClock clock = new SimClock(WALL, 60);
        assertEquals(WALL, clock.eventTime(WALL));
        assertEquals(WALL.plus(Duration.ofHours(1)), clock.eventTime(WALL.plus(Duration.ofMinutes(1))));
        assertEquals(WALL.plusMillis(60), clock.eventTime(WALL.plusMillis(1)));
    }

    @Test
    void refusesASpeedThatIsNotAPositiveNumber() {
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, 0));
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, -2));
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, Double.NaN));
    }
}
