package io.gameflow.streams.support.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatestEventTimeTest {

    @Test
    void keepsTheLatestAndTellsTheLag() {
        LatestEventTime latest = new LatestEventTime();
        assertEquals(LatestEventTime.NONE, latest.get());
        assertEquals(0, latest.lagSeconds(10_000));

        latest.advanceTo(5_000);
        latest.advanceTo(3_000);

        assertEquals(5_000, latest.get());
        assertEquals(5.0, latest.lagSeconds(10_000));
    }
}
