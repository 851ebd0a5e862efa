package io.gameflow.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;

import java.time.Instant;

/** Server-metric events for tests: the reference example (docs/contracts.md) with the fields a test cares about replaced. */
public final class ServerMetricJson {

    private ServerMetricJson() {
    }

    public static String event(String serverId, String region, double cpuLoad, double memoryUsage, double latency, Instant time) {
        ObjectNode event = (ObjectNode) EventJson.readTree(SeedExamples.serverMetricEvent());
        event.put("event_timestamp", time.toString());
        ((ObjectNode) event.get("parameters"))
                .put("server_id", serverId)
                .put("cpu_load", cpuLoad)
                .put("memory_usage", memoryUsage)
                .put("latency", latency);
        ((ObjectNode) event.get("server_data")).put("region", region);
        return event.toString();
    }

    public static String event(String serverId, double cpuLoad, Instant time) {
        return event(serverId, "us-west", cpuLoad, 50, 100, time);
    }
}
