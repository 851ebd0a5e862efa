package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFleetTest {

    private static final Instant T0 = Instant.parse("2024-11-12T10:16:30Z");

    private static ServerSample sample(String id, String region, Instant time) {
        return new ServerSample(id, region, "dedicated", 1, 2, 3, time.toString());
    }

    @Test
    void sortsByIdAndFiltersByRegion() {
        ServerFleet fleet = ServerFleet.of(List.of(
                sample("c", "eu", T0), sample("a", "us", T0), sample("b", "eu", T0)));

        assertEquals(List.of("a", "b", "c"), fleet.servers(Optional.empty()).stream().map(ServerSample::serverId).toList());
        assertEquals(List.of("b", "c"), fleet.servers(Optional.of("eu")).stream().map(ServerSample::serverId).toList());
        assertEquals(List.of(), fleet.servers(Optional.of("ap")));
    }

    @Test
    void asOfIsTheLatestEventTimeOfAnyServerWhateverTheFilter() {
        // fractional seconds: a text comparison of ISO timestamps would put 10:16:30.5Z before 10:16:30Z
        ServerFleet fleet = ServerFleet.of(List.of(
                sample("a", "us", T0.plusMillis(500)), sample("b", "eu", T0.minusSeconds(30))));

        assertEquals(Optional.of(T0.plusMillis(500)), fleet.asOf());
        assertEquals(T0.minusSeconds(30), fleet.server("b").orElseThrow().lastSeenTime());
    }

    @Test
    void anEmptyFleetHasNoStreamTime() {
        ServerFleet fleet = ServerFleet.of(List.of());

        assertTrue(fleet.asOf().isEmpty());
        assertTrue(fleet.server("a").isEmpty());
    }

    @Test
    void latestKeepsTheLaterByEventTimeAndTheArrivedOneOnATie() {
        ServerSample older = sample("a", "us", T0);
        ServerSample newer = sample("a", "eu", T0.plusSeconds(1));
        ServerSample sameTime = sample("a", "ap", T0.plusSeconds(1));

        assertEquals(older, ServerSample.latest(null, older));
        assertEquals(newer, ServerSample.latest(newer, older));
        assertEquals(newer, ServerSample.latest(older, newer));
        assertEquals(sameTime, ServerSample.latest(newer, sameTime));
    }
}
