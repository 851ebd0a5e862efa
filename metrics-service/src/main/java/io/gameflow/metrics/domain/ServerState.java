package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything metrics-service keeps about one server: its latest sample, the samples of the last window (event
 * time), where each server rule stands, and the silence alert if it is silent now.
 */
@RegisterForReflection
public record ServerState(ServerSample latest, List<Point> window, Map<String, RuleState> rules, Alert silent) {

    /** A server reporting many times a second still keeps a bounded window. */
    static final int MAX_POINTS = 600;

    public static ServerState first(ServerSample sample) {
        return new ServerState(sample, List.of(Point.of(sample)), Map.of(), null);
    }

    public long lastSeen() {
        return latest.lastSeenTime().toEpochMilli();
    }

    /**
     * This state with one more sample in the window (replacing one of the same event time, a resend), the window cut
     * to {@code windowMillis} before the newest sample, and the latest sample the newer of the two.
     */
    public ServerState with(ServerSample sample, long windowMillis) {
        Point point = Point.of(sample);
        List<Point> points = new ArrayList<>(window.size() + 1);
        window.stream().filter(p -> p.time() != point.time()).forEach(points::add);
        points.add(point);
        points.sort(Comparator.comparingLong(Point::time));
        long newest = points.get(points.size() - 1).time();
        points.removeIf(p -> p.time() <= newest - windowMillis);
        while (points.size() > MAX_POINTS) {
            points.remove(0);
        }
        return new ServerState(ServerSample.latest(latest, sample), List.copyOf(points), rules, silent);
    }

    public ServerState withRule(String rule, RuleState state) {
        Map<String, RuleState> updated = new TreeMap<>(rules);
        updated.put(rule, state);
        return new ServerState(latest, window, updated, silent);
    }

    public ServerState withSilent(Alert alert) {
        return new ServerState(latest, window, rules, alert);
    }

    /** The alerts firing now for this server: its rules' and its silence. */
    public List<Alert> firing() {
        List<Alert> alerts = new ArrayList<>();
        rules.values().stream().map(RuleState::firing).filter(a -> a != null).forEach(alerts::add);
        if (silent != null) {
            alerts.add(silent);
        }
        return alerts;
    }

    /**
     * Everything firing for this server, resolved at {@code time}: what a forgotten server must not leave open in
     * Alertmanager and {@code /v1/alerts}. A rule's alert resolves with the metric's latest value, the silence with
     * how long the server has been silent.
     */
    public List<Alert> resolvedAt(long time) {
        List<Alert> resolved = new ArrayList<>();
        rules.values().stream().map(RuleState::firing).filter(a -> a != null)
                .forEach(a -> resolved.add(a.resolved(Metric.ofField(a.metric()).of(latest), time)));
        if (silent != null) {
            resolved.add(silent.resolved((time - lastSeen()) / 1000.0, time));
        }
        return resolved;
    }

    /** silent when silent, else the worst severity firing (critical, warning), else healthy. */
    public String status() {
        if (silent != null) {
            return "silent";
        }
        List<Alert> firing = firing();
        if (firing.stream().anyMatch(a -> a.severity().equals("critical"))) {
            return "critical";
        }
        return firing.isEmpty() ? "healthy" : "warning";
    }
}
