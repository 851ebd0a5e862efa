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
        SimClock clock = new SimClock(WALL, 1, Duration.ofMinutes(15));
        assertEquals(WALL.plusSeconds(90), clock.eventTime(WALL.plusSeconds(90)));
    }

    @Test
    void atSpeedSixtyAMinuteOfWallTimeIsAnHourOfPlayOfTheRecentPast() {
        SimClock clock = new SimClock(WALL, 60, Duration.ofMinutes(2));
        Instant start = WALL.minus(Duration.ofMinutes(2 * 59));
        assertEquals(start, clock.eventTime(WALL));
        assertEquals(start.plus(Duration.ofHours(1)), clock.eventTime(WALL.plus(Duration.ofMinutes(1))));
        assertEquals(start.plusMillis(60), clock.eventTime(WALL.plusMillis(1)));
    }

    @Test
    void aFastClockMeetsTheWallClockAfterItsSpanAndNeverRunsAhead() {
        SimClock clock = new SimClock(WALL, 10, Duration.ofMinutes(15));
        assertEquals(WALL.minus(Duration.ofMinutes(135)), clock.eventTime(WALL));
        assertEquals(WALL.plus(Duration.ofMinutes(15)), clock.eventTime(WALL.plus(Duration.ofMinutes(15))));
        assertEquals(WALL.plus(Duration.ofHours(2)), clock.eventTime(WALL.plus(Duration.ofHours(2))), "then it is the wall clock");
    }

    @Test
    void refusesASpeedThatIsNotAPositiveNumber() {
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, -2, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SimClock(WALL, Double.NaN, Duration.ZERO));
    }
}
