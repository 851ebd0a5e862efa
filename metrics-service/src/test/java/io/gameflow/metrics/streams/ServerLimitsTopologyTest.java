package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.metrics.domain.ServerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.gameflow.metrics.ServerMetricJson.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forgetting long-silent servers and the cap on servers tracked, on hand-made sequences. */
class ServerLimitsTopologyTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    private static final ServerLimits LIMITS = new ServerLimits(Duration.ofMinutes(10), 5);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        MetricsDriver opened = MetricsDriver.open(MetricsTopology.build(MetricsTopologyTest.RULES, new MetricsMeters(registry),
                Duration.ofSeconds(1), LIMITS.checkedAgainst(MetricsTopologyTest.RULES)), stateDir, Instant.now());
        driver = opened.driver();
        input = opened.input();
        alerts = opened.alerts();
        deadLetters = opened.deadLetters();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void sample(String server, String region, double cpu, int second) {
        input.pipeInput(server, event(server, region, cpu, 50, 100, T0.plusSeconds(second)));
    }

    private void busy(int from, int to) {
        for (int s = from; s <= to; s += 5) {
            sample("busy", "us-west", 50, s);
        }
    }

    private List<String> alertSummary() {
        return alerts.readValuesToList().stream().map(EventJson::readTree)
                .map(a -> a.get("rule").asText() + ":" + a.get("state").asText() + "@" + a.get("server_id").asText())
                .toList();
    }

    @Test
    void aServerSilentForForgetAfterIsResolvedOnceAndLeavesEveryStore() {
        for (int s = 0; s <= 65; s += 5) {
            sample("quiet", "quiet-region", 90, s);
        }
        busy(0, 300);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of("cpu_high:firing@quiet", "server_silent:firing@quiet"), alertSummary());
        assertNotNull(regionStore().get("quiet-region"));

        busy(305, 660);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of(), alertSummary(), "silent for 595 s: not yet forgotten");
        busy(665, 670);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of("cpu_high:resolved@quiet", "server_silent:resolved@quiet"), alertSummary(),
                "what was firing is resolved, once");

        assertNull(serverStore().get("quiet"), "gone from the server store");
        assertEquals(List.of("busy"), keys(serverStore()));
        assertEquals(List.of("us-west|busy"), keys(pointStore()), "gone from the region's points");
        assertNull(regionStore().get("quiet-region"), "the region none of whose servers reports is gone too");
        assertEquals(1.0, registry.get(MetricsMeters.FORGOTTEN).counter().count());
        assertEquals(1.0, registry.get(MetricsMeters.TRACKED).gauge().value());

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of(), alertSummary(), "nothing more about a forgotten server");

        sample("quiet", "quiet-region", 40, 675);
        assertEquals(List.of(), alertSummary(), "back as a new server, with nothing to resolve");
        assertEquals(T0.plusSeconds(675), serverStore().get("quiet").latest().lastSeenTime());
        assertEquals(2.0, registry.get(MetricsMeters.TRACKED).gauge().value());
    }

    @Test
    void aFloodOfMadeUpServersStopsAtTheCapWithoutRefusingAKnownServer() {
        for (int i = 0; i < 5; i++) {
            sample("real-" + i, "eu-central", 50, 0);
        }
        for (int i = 0; i < 1_000; i++) {
            sample("fake-" + i, "eu-central", 50, 1);
        }
        sample("real-0", "eu-central", 60, 5);

        assertEquals(List.of("real-0", "real-1", "real-2", "real-3", "real-4"), keys(serverStore()), "the cap holds");
        assertEquals(60.0, serverStore().get("real-0").latest().cpuLoad(), "a known server is never refused");
        assertTrue(keys(pointStore()).stream().noneMatch(key -> key.contains("fake-")), "refused samples reach no region");
        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertEquals(1_000, dead.size());
        assertEquals("fake-0", dead.get(0).key());
        String reason = new String(dead.get(0).headers().lastHeader("dlq_error").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("gameflow.metrics.max-servers 5"), reason);
        JsonNode asReceived = EventJson.readTree(dead.get(0).value());
        assertEquals("fake-0", asReceived.get("parameters").get("server_id").asText(), "the record as received");
        assertEquals(1_000.0, registry.get(MetricsMeters.REFUSED).counter().count());
        assertEquals(5.0, registry.get(MetricsMeters.TRACKED).gauge().value());

        // once the quiet ones are forgotten there is room again
        for (int s = 10; s <= 610; s += 5) {
            sample("real-0", "eu-central", 50, s);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of("real-0"), keys(serverStore()));
        sample("newcomer", "eu-central", 50, 615);
        assertNotNull(serverStore().get("newcomer"));
        assertEquals(1_000.0, registry.get(MetricsMeters.REFUSED).counter().count());
    }

    @Test
    void forgetAfterMustBeLongerThanSilenceAfter() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ServerLimits(Duration.ofSeconds(30), 10).checkedAgainst(MetricsTopologyTest.RULES));
        assertTrue(refused.getMessage().contains("gameflow.metrics.forget-after"), refused.getMessage());
    }

    private KeyValueStore<String, ServerState> serverStore() {
        return driver.getKeyValueStore(MetricsTopology.SERVER_STORE);
    }

    private KeyValueStore<String, Point> pointStore() {
        return driver.getKeyValueStore(MetricsTopology.REGION_POINTS_STORE);
    }

    private KeyValueStore<String, RegionState> regionStore() {
        return driver.getKeyValueStore(MetricsTopology.REGION_STORE);
    }

    private static <V> List<String> keys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
