package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionPointsTest {

    private static final long WINDOW = 60_000;

    private static Point latency(long time, double latency) {
        return new Point(time, 50, 50, latency);
    }

    @Test
    void averagesTheLatestPointOfEachServer() {
        RegionPoints region = new RegionPoints();
        region.add("a", latency(0, 100), WINDOW);
        region.add("b", latency(1_000, 300), WINDOW);
        region.add("a", latency(2_000, 200), WINDOW);
        assertEquals(250, region.average(Metric.LATENCY));
        assertEquals(2_000, region.newest());
    }

    @Test
    void keepsAServersLaterPointOverALateOne() {
        RegionPoints region = new RegionPoints();
        region.add("a", latency(5_000, 100), WINDOW);
        RegionPoints.Change late = region.add("a", latency(4_000, 900), WINDOW);
        assertFalse(late.kept());
        assertEquals(100, region.average(Metric.LATENCY));
    }

    @Test
    void dropsServersThatFellOutOfTheWindowBeforeTheNewestSample() {
        RegionPoints region = new RegionPoints();
        region.add("quiet", latency(0, 900), WINDOW);
        region.add("a", latency(30_000, 100), WINDOW);
        RegionPoints.Change change = region.add("a", latency(60_000, 200), WINDOW);
        assertTrue(change.kept());
        assertEquals(List.of("quiet"), change.dropped(), "exactly one window old is out");
        assertEquals(200, region.average(Metric.LATENCY));
    }
}
