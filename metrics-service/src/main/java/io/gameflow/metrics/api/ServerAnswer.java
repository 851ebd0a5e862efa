package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/servers/{server_id}}: one server as in the list, with the stream time it is current as of. */
public record ServerAnswer(Instant asOf, String serverId, String region, String serverType, String status,
                           double cpuLoad, double memoryUsage, double latency, Instant lastSeen,
                           Map<String, Stats> stats, List<Alert> alerts) {

    static ServerAnswer of(Instant asOf, ServerView view) {
        return new ServerAnswer(asOf, view.serverId(), view.region(), view.serverType(), view.status(), view.cpuLoad(),
                view.memoryUsage(), view.latency(), view.lastSeen(), view.stats(), view.alerts());
    }
}
