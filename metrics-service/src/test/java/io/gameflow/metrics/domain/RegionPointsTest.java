package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

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

    @Test
    void aPointOneMillisecondInsideTheWindowStays() {
        RegionPoints region = new RegionPoints();
        region.add("edge", latency(0, 900), WINDOW);
        region.add("inside", latency(1, 300), WINDOW);
        assertEquals(List.of("edge"), region.add("a", latency(60_000, 0), WINDOW).dropped());
        assertEquals(150, region.average(Metric.LATENCY));
    }

    @Test
    void aPointArrivingOutOfTimeOrderLeavesAtItsOwnTime() {
        RegionPoints region = new RegionPoints();
        region.add("a", latency(0, 900), WINDOW); // replaced next: its time must not take a out later
        region.add("a", latency(40_000, 100), WINDOW);
        region.add("b", latency(10_000, 300), WINDOW); // late: older than a's, yet another server's latest
        region.add("c", latency(20_000, 500), WINDOW);
        assertEquals(300, region.average(Metric.LATENCY));

        RegionPoints.Change first = region.add("a", latency(70_000, 100), WINDOW);
        assertEquals(List.of("b"), first.dropped());
        RegionPoints.Change second = region.add("a", latency(80_000, 100), WINDOW);
        assertEquals(List.of("c"), second.dropped());
        assertEquals(Set.of("a"), region.servers());
        assertEquals(100, region.average(Metric.LATENCY));
    }

    @Test
    void aLatePointAlreadyOutOfTheWindowIsNotKept() {
        RegionPoints region = new RegionPoints();
        region.add("a", latency(100_000, 100), WINDOW);
        assertEquals(new RegionPoints.Change(false, List.of("b")), region.add("b", latency(40_000, 900), WINDOW));
        assertEquals(Set.of("a"), region.servers());
    }

    @Test
    void anEmptyWindowAveragesZero() {
        RegionPoints region = new RegionPoints();
        assertTrue(region.isEmpty());
        assertEquals(0, region.average(Metric.LATENCY));
        assertEquals(0, region.newest());

        region.add("a", latency(100_000, 100), WINDOW);
        region.add("a", latency(30_000, 100), WINDOW);
        assertFalse(region.isEmpty());
        RegionPoints.Change change = region.add("b", latency(20_000, 100), WINDOW);
        assertEquals(List.of("b"), change.dropped());
        assertEquals(Set.of("a"), region.servers());
    }

    @Test
    void restoredPointsLeaveWithTheWindowToo() {
        RegionPoints region = new RegionPoints();
        region.restore("old", latency(1_000, 900));
        region.restore("a", latency(50_000, 100));
        assertEquals(50_000, region.newest());
        RegionPoints.Change change = region.add("a", latency(61_000, 300), WINDOW);
        assertEquals(List.of("old"), change.dropped());
        assertEquals(300, region.average(Metric.LATENCY));
    }

    /**
     * The time index must change nothing: against the scan it replaced, on random samples (late ones, resends,
     * servers going quiet, awkward doubles), every change, server set and average is the same, bit for bit.
     */
    @Test
    void answersExactlyAsTheWholeScanDid() {
        Random random = new Random(21);
        for (int run = 0; run < 8; run++) {
            RegionPoints region = new RegionPoints();
            ScanningRegionPoints scanning = new ScanningRegionPoints();
            int servers = 1 + random.nextInt(300);
            long time = 1_000_000;
            for (int i = 0; i < 3_000; i++) {
                String server = "s" + random.nextInt(servers);
                time += random.nextInt(400);
                long at = random.nextInt(10) == 0 ? time - random.nextInt(90_000) : time;
                Point point = new Point(at, random.nextDouble() * 100, random.nextDouble() * 1e-3,
                        random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextDouble() * 1e6);
                if (i < 50 && random.nextBoolean()) {
                    region.restore(server, point);
                    scanning.restore(server, point);
                    continue;
                }
                assertEquals(scanning.add(server, point, WINDOW), region.add(server, point, WINDOW));
                assertEquals(scanning.newest(), region.newest());
                assertEquals(scanning.servers(), region.servers());
                for (Metric metric : Metric.values()) {
                    assertEquals(scanning.average(metric), region.average(metric), metric + " after sample " + i);
                }
            }
        }
    }

    /** RegionPoints as it was before the time index: every sample scans the whole region. The reference. */
    private static final class ScanningRegionPoints {

        private final java.util.Map<String, Point> latestByServer = new java.util.HashMap<>();
        private long newest;

        RegionPoints.Change add(String serverId, Point point, long windowMillis) {
            Point kept = latestByServer.get(serverId);
            boolean taken = kept == null || point.time() >= kept.time();
            if (taken) {
                latestByServer.put(serverId, point);
                newest = Math.max(newest, point.time());
            }
            List<String> dropped = new java.util.ArrayList<>();
            latestByServer.entrySet().removeIf(entry -> {
                boolean old = entry.getValue().time() <= newest - windowMillis;
                if (old) {
                    dropped.add(entry.getKey());
                }
                return old;
            });
            return new RegionPoints.Change(taken && !dropped.contains(serverId), dropped);
        }

        void restore(String serverId, Point point) {
            latestByServer.put(serverId, point);
            newest = Math.max(newest, point.time());
        }

        double average(Metric metric) {
            return latestByServer.values().stream().mapToDouble(p -> p.value(metric)).average().orElse(0);
        }

        long newest() {
            return newest;
        }

        Set<String> servers() {
            return Set.copyOf(latestByServer.keySet());
        }
    }
}
