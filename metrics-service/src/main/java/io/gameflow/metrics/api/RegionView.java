package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.domain.Stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One region: its servers by status, the statistics over all its servers' samples in the rolling window, the same
 * per server type, and the region alerts firing now.
 */
public record RegionView(String region, int servers, Map<String, Long> statusCounts, Map<String, Stats> stats,
                         List<ServerTypeView> serverTypes, List<Alert> alerts) {

    /** The servers of one type in a region and the statistics over their samples. */
    public record ServerTypeView(String serverType, int servers, Map<String, Stats> stats) {
    }

    static RegionView of(String region, List<ServerState> servers, List<Alert> regionAlerts) {
        Map<String, Long> statuses = new TreeMap<>(servers.stream()
                .collect(Collectors.groupingBy(ServerState::status, Collectors.counting())));
        Map<String, List<ServerState>> byType = new TreeMap<>(servers.stream()
                .collect(Collectors.groupingBy(s -> s.latest().serverType())));
        List<ServerTypeView> types = byType.entrySet().stream()
                .map(e -> new ServerTypeView(e.getKey(), e.getValue().size(), statsOf(e.getValue())))
                .toList();
        return new RegionView(region, servers.size(), statuses, statsOf(servers), types, regionAlerts);
    }

    private static Map<String, Stats> statsOf(List<ServerState> servers) {
        List<Point> points = servers.stream().flatMap(s -> s.window().stream()).toList();
        return ServerView.statsByField(Stats.perMetric(points));
    }
}
