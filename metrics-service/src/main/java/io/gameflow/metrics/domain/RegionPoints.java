package io.gameflow.metrics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest point of each server of one region that reported within the window before the region's newest sample.
 * A region's value of a metric is the average over these servers. Mutable: the region processor keeps one per region
 * in memory, a copy of its store, and writes each change through.
 */
public final class RegionPoints {

    private final Map<String, Point> latestByServer = new HashMap<>();
    private long newest;

    /** Takes a server's point unless the server has a later one; says what changed, so that the store can follow. */
    public Change add(String serverId, Point point, long windowMillis) {
        Point kept = latestByServer.get(serverId);
        boolean taken = kept == null || point.time() >= kept.time();
        if (taken) {
            latestByServer.put(serverId, point);
            newest = Math.max(newest, point.time());
        }
        List<String> dropped = new ArrayList<>();
        latestByServer.entrySet().removeIf(entry -> {
            boolean old = entry.getValue().time() <= newest - windowMillis;
            if (old) {
                dropped.add(entry.getKey());
            }
            return old;
        });
        return new Change(taken && !dropped.contains(serverId), dropped);
    }

    /** Puts back a point read from the store, as it was kept. */
    public void restore(String serverId, Point point) {
        latestByServer.put(serverId, point);
        newest = Math.max(newest, point.time());
    }

    public double average(Metric metric) {
        return latestByServer.values().stream().mapToDouble(p -> p.value(metric)).average().orElse(0);
    }

    /** The event time of the region's newest sample, 0 before the first. */
    public long newest() {
        return newest;
    }

    /** The servers with a point kept. */
    public java.util.Set<String> servers() {
        return java.util.Set.copyOf(latestByServer.keySet());
    }

    public boolean isEmpty() {
        return latestByServer.isEmpty();
    }

    /** What one sample changed: whether its point is now kept, and the servers that fell out of the window. */
    public record Change(boolean kept, List<String> dropped) {
    }
}
