package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Metric;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.domain.Stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server: its status (healthy, warning, critical, silent), latest sample (CPU and memory in percent, latency in
 * ms), the statistics of the rolling window by metric, and the alerts firing for it now.
 */
public record ServerView(String serverId, String region, String serverType, String status,
                         double cpuLoad, double memoryUsage, double latency, Instant lastSeen,
                         Map<String, Stats> stats, List<Alert> alerts) {

    static ServerView of(ServerState state) {
        return new ServerView(state.latest().serverId(), state.latest().region(), state.latest().serverType(),
                state.status(), state.latest().cpuLoad(), state.latest().memoryUsage(), state.latest().latency(),
                state.latest().lastSeenTime(), statsByField(Stats.perMetric(state.window())), state.firing());
    }

    static Map<String, Stats> statsByField(Map<Metric, Stats> stats) {
        Map<String, Stats> byField = new LinkedHashMap<>();
        stats.forEach((metric, value) -> byField.put(metric.field(), value));
        return byField;
    }
}
