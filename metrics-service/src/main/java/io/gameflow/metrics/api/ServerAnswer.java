package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.ServerSample;

import java.time.Instant;

/** {@code GET /v1/servers/{server_id}}: one server's latest sample and the stream time it is current as of. */
public record ServerAnswer(Instant asOf, String serverId, String region, String serverType,
                           double cpuLoad, double memoryUsage, double latency, Instant lastSeen) {

    static ServerAnswer of(Instant asOf, ServerSample sample) {
        return new ServerAnswer(asOf, sample.serverId(), sample.region(), sample.serverType(),
                sample.cpuLoad(), sample.memoryUsage(), sample.latency(), sample.lastSeenTime());
    }
}
