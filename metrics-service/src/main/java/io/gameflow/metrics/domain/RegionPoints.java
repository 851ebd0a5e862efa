package io.gameflow.metrics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The latest point of each server of one region that reported within the window before the region's newest sample.
 * A region's value of a metric is the average over these servers. Mutable: the region processor keeps one per region
 * in memory, a copy of its store, and writes each change through.
 *
 * <p>The kept points are also indexed by time, oldest first, so that a sample finds the expired ones at the front
 * instead of scanning the whole region (that scan was a quarter of the service's time). A point may arrive out of time
 * order (a server's late sample within the grace period, or one server behind another), so the index is sorted rather
 * than appended to.
 */
public final class RegionPoints {

    /** Oldest first; the server id breaks ties, as several servers may report at the same millisecond. */
    private static final Comparator<TimedServer> OLDEST_FIRST =
            Comparator.comparingLong(TimedServer::time).thenComparing(TimedServer::serverId);

    /**
     * The points themselves. A HashMap as before, changed by the same puts and removes in the same order, so that
     * {@link #average} adds the same values in the same order and its floating-point sum stays bit for bit the same.
     */
    private final Map<String, Point> latestByServer = new HashMap<>();
    /** One entry per kept point: the same servers as {@link #latestByServer}, at their point's time. */
    private final TreeSet<TimedServer> byTime = new TreeSet<>(OLDEST_FIRST);
    private long newest;

    /** Takes a server's point unless the server has a later one; says what changed, so that the store can follow. */
    public Change add(String serverId, Point point, long windowMillis) {
        Point kept = latestByServer.get(serverId);
        boolean taken = kept == null || point.time() >= kept.time();
        if (taken) {
            keep(serverId, point);
        }
        List<String> dropped = dropOlderThan(newest - windowMillis);
        return new Change(taken && !dropped.contains(serverId), dropped);
    }

    /** Puts back a point read from the store, as it was kept. */
    public void restore(String serverId, Point point) {
        keep(serverId, point);
    }

    private void keep(String serverId, Point point) {
        Point replaced = latestByServer.put(serverId, point);
        if (replaced != null) {
            byTime.remove(new TimedServer(replaced.time(), serverId));
        }
        byTime.add(new TimedServer(point.time(), serverId));
        newest = Math.max(newest, point.time());
    }

    /**
     * Drops every point at or before {@code limit}: they are the front of the time index. Usually there is none, and
     * nothing else is looked at. When there are some, they leave the map in the map's own order, as the scan that
     * found them did before, so that the map (and the order {@link #average} sums in) and the dropped list stay
     * exactly as they were.
     */
    private List<String> dropOlderThan(long limit) {
        if (byTime.isEmpty() || byTime.first().time() > limit) {
            return new ArrayList<>();
        }
        Set<String> expired = new HashSet<>();
        while (!byTime.isEmpty() && byTime.first().time() <= limit) {
            expired.add(byTime.pollFirst().serverId());
        }
        List<String> dropped = new ArrayList<>(expired.size());
        latestByServer.keySet().removeIf(serverId -> {
            boolean old = expired.contains(serverId);
            if (old) {
                dropped.add(serverId);
            }
            return old;
        });
        return dropped;
    }

    /**
     * The mean of the metric over the kept points. Summed as {@code DoubleStream.average()} does (compensated, in the
     * map's order; {@link DoubleSummaryStatistics} is that same sum), without a stream per call. A running sum would
     * cost nothing per call, but adding and subtracting doubles drifts, and the average must stay exactly what it was.
     */
    public double average(Metric metric) {
        DoubleSummaryStatistics sum = new DoubleSummaryStatistics();
        for (Point point : latestByServer.values()) {
            sum.accept(point.value(metric));
        }
        return sum.getAverage();
    }

    /** The event time of the region's newest sample, 0 before the first. */
    public long newest() {
        return newest;
    }

    /** The servers with a point kept. */
    public Set<String> servers() {
        return Set.copyOf(latestByServer.keySet());
    }

    public boolean isEmpty() {
        return latestByServer.isEmpty();
    }

    /** What one sample changed: whether its point is now kept, and the servers that fell out of the window. */
    public record Change(boolean kept, List<String> dropped) {
    }

    /** A kept point's place in the time index. */
    private record TimedServer(long time, String serverId) {
    }
}
