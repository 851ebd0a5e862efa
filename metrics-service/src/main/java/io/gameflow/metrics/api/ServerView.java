package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.ServerSample;

import java.time.Instant;

/** One server in a list: its latest sample. CPU and memory in percent, latency in ms. */
public record ServerView(String serverId, String region, String serverType,
                         double cpuLoad, double memoryUsage, double latency, Instant lastSeen) {

    static ServerView of(ServerSample sample) {
        return new ServerView(sample.serverId(), sample.region(), sample.serverType(),
                sample.cpuLoad(), sample.memoryUsage(), sample.latency(), sample.lastSeenTime());
    }
}
