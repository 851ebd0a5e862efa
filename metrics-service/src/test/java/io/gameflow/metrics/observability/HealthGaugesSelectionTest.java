package io.gameflow.metrics.observability;

import io.gameflow.events.EventJson;
import io.gameflow.metrics.ServerMetricJson;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-server gauges keep the servers heard from last, not the first by id. */
class HealthGaugesSelectionTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void madeUpServersThatReportedOnceDoNotPushTheLiveFleetOut() {
        List<ServerState> servers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            servers.add(state("aaa-fake-" + i, T0));
        }
        for (int i = 0; i < 20; i++) {
            servers.add(state("server_" + i, T0.plusSeconds(600)));
        }

        List<String> shown = HealthGauges.shown(servers, 500).stream().map(s -> s.latest().serverId()).toList();

        assertEquals(500, shown.size());
        for (int i = 0; i < 20; i++) {
            assertTrue(shown.contains("server_" + i), "server_" + i + " is live and shown");
        }
    }

    private static ServerState state(String serverId, Instant seen) {
        ServerMetricEvent event = EventJson.mapper().convertValue(
                EventJson.readTree(ServerMetricJson.event(serverId, 50, seen)), ServerMetricEvent.class);
        return ServerState.first(ServerSample.of(event));
    }
}
