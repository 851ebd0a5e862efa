package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;
import java.util.TreeMap;

/**
 * What metrics-service keeps about one region for its region rules: the latest point of each of its servers, and
 * where each region rule stands. A region's value of a metric is the average over the servers that reported
 * within the window before the newest sample.
 */
@RegisterForReflection
public record RegionState(Map<String, Point> latestByServer, Map<String, RuleState> rules) {

    public static final RegionState EMPTY = new RegionState(Map.of(), Map.of());

    public RegionState with(String serverId, Point point, long windowMillis) {
        Map<String, Point> latest = new TreeMap<>(latestByServer);
        latest.merge(serverId, point, (old, arrived) -> arrived.time() >= old.time() ? arrived : old);
        long newest = latest.values().stream().mapToLong(Point::time).max().orElse(point.time());
        latest.values().removeIf(p -> p.time() <= newest - windowMillis);
        return new RegionState(latest, rules);
    }

    public double average(Metric metric) {
        return latestByServer.values().stream().mapToDouble(p -> p.value(metric)).average().orElse(0);
    }

    public long newest() {
        return latestByServer.values().stream().mapToLong(Point::time).max().orElse(0);
    }

    public RegionState withRule(String rule, RuleState state) {
        Map<String, RuleState> updated = new TreeMap<>(rules);
        updated.put(rule, state);
        return new RegionState(latestByServer, updated);
    }
}
