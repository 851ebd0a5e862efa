package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.metrics.config.ShippedRuleBook;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.ServerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KeyValue;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.gameflow.metrics.ServerMetricJson.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health topology on hand-made sample sequences: every alert fires once and resolves once, or not at all. */
class MetricsTopologyTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    /** The rules as shipped in application.properties: a change of them shows here. */
    static final RuleBook RULES = ShippedRuleBook.load();

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    /** The driver's wall clock when it opens: "now" for the records it receives. */
    private final Instant wallStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        open();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void open() {
        MetricsDriver opened = MetricsDriver.open(MetricsTopology.build(RULES, new MetricsMeters(registry), Duration.ofSeconds(1),
                ShippedRuleBook.limits()),
                stateDir, wallStart);
        driver = opened.driver();
        input = opened.input();
        alerts = opened.alerts();
        deadLetters = opened.deadLetters();
    }

    /** One sample of a server every 5 s from {@code from} (seconds after T0) to {@code to} inclusive, at {@code cpu}. */
    private void cpu(String server, int from, int to, double cpu) {
        for (int s = from; s <= to; s += 5) {
            input.pipeInput(server, event(server, "us-west", cpu, 50, 100, T0.plusSeconds(s)));
        }
    }

    private List<JsonNode> alerts() {
        List<JsonNode> read = new ArrayList<>();
        for (TestRecord<String, String> record : alerts.readRecordsToList()) {
            JsonNode alert = EventJson.readTree(record.value());
            assertEquals(alert.has("server_id") && !alert.get("server_id").isNull()
                    ? alert.get("server_id").asText() : alert.get("region").asText(), record.key(), "keyed by server or region");
            read.add(alert);
        }
        return read;
    }

    private static List<String> summary(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("rule").asText() + ":" + a.get("state").asText()).toList();
    }

    @Test
    void aSustainedConditionFiresOnceAndResolvesOnceBelowTheResolveLevel() {
        cpu("s1", 0, 55, 90);
        assertEquals(List.of(), alerts(), "above 85 for 55 s: not yet");
        cpu("s1", 60, 90, 90);
        List<JsonNode> fired = alerts();
        assertEquals(List.of("cpu_high:firing"), summary(fired));
        JsonNode firing = fired.get(0);
        assertEquals("warning", firing.get("severity").asText());
        assertEquals(T0.toString(), firing.get("started_at").asText());
        assertEquals(85.0, firing.get("threshold").asDouble());
        assertEquals(90.0, firing.get("value").asDouble());

        cpu("s1", 95, 200, 80);
        assertEquals(List.of(), alerts(), "between 75 and 85: still firing, nothing new");
        cpu("s1", 205, 210, 70);
        List<JsonNode> resolved = alerts();
        assertEquals(List.of("cpu_high:resolved"), summary(resolved));
        assertEquals(firing.get("alert_id"), resolved.get(0).get("alert_id"));
        assertEquals(T0.plusSeconds(205).toString(), resolved.get(0).get("resolved_at").asText());
    }

    @Test
    void aSpikeOrAValueHoveringAtTheThresholdNeverFires() {
        cpu("s1", 0, 100, 50);
        cpu("s1", 105, 105, 99);
        cpu("s1", 110, 200, 50);
        for (int s = 205; s <= 600; s += 5) {
            double hovering = (s / 5) % 2 == 0 ? 85.1 : 84.9;
            cpu("s1", s, s, hovering);
        }
        cpu("s1", 605, 625, 96);
        assertEquals(List.of(), alerts(), "a spike, a hover and 25 s above 95 fire nothing");
    }

    @Test
    void aServerThatStopsReportingIsSilentByStreamTimeAndResolvesOnItsNextSample() {
        cpu("quiet", 0, 0, 50);
        cpu("busy", 0, 40, 50);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<JsonNode> silent = alerts();
        assertEquals(List.of("server_silent:firing"), summary(silent));
        assertEquals("quiet", silent.get(0).get("server_id").asText());
        assertEquals("critical", silent.get(0).get("severity").asText());
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of(), alerts(), "fires once");

        cpu("quiet", 45, 45, 50);
        List<JsonNode> back = alerts();
        assertEquals(List.of("server_silent:resolved"), summary(back));
        assertEquals(silent.get(0).get("alert_id"), back.get(0).get("alert_id"));
    }

    @Test
    void whenNothingArrivesAtAllTheWallClockMakesEveryServerSilent() {
        cpu("a", 0, 10, 50);
        cpu("b", 0, 10, 50);
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertEquals(List.of(), alerts());
        driver.advanceWallClockTime(Duration.ofSeconds(25));
        assertEquals(List.of("server_silent:firing", "server_silent:firing"), summary(alerts()));
    }

    @Test
    void aRegionWhoseAverageLatencyStaysHighFiresARegionAlertOnce() {
        // each server at or below latency_high's 250, so that only the region's average breaches
        for (int s = 0; s <= 125; s += 5) {
            input.pipeInput("r1", event("r1", "eu-central", 50, 50, 250, T0.plusSeconds(s)));
            input.pipeInput("r2", event("r2", "eu-central", 50, 50, 200, T0.plusSeconds(s)));
        }
        List<JsonNode> fired = alerts();
        assertEquals(List.of("region_latency_degraded:firing"), summary(fired));
        assertEquals("eu-central", fired.get(0).get("region").asText());
        assertEquals("region", fired.get(0).get("scope").asText());
        assertEquals(225.0, fired.get(0).get("value").asDouble(), "the average of 250 and 200");

        for (int s = 130; s <= 140; s += 5) {
            input.pipeInput("r1", event("r1", "eu-central", 50, 50, 100, T0.plusSeconds(s)));
        }
        assertEquals(List.of("region_latency_degraded:resolved"), summary(alerts()));
    }

    @Test
    void afterARestartWithTheSameStateNoAlertFiresTwiceAndTheOpenOneResolves() {
        cpu("s1", 0, 65, 90);
        String alertId = alerts().get(0).get("alert_id").asText();
        List<KeyValue<String, ServerState>> saved = new ArrayList<>();
        try (KeyValueIterator<String, ServerState> all = serverStore().all()) {
            all.forEachRemaining(saved::add);
        }
        driver.close();
        open();
        // what Kafka Streams restores from the changelog after a restart
        saved.forEach(entry -> serverStore().put(entry.key, entry.value));

        cpu("s1", 70, 150, 90);
        assertEquals(List.of(), alerts(), "still the same condition: no second firing");
        cpu("s1", 155, 155, 60);
        List<JsonNode> resolved = alerts();
        assertEquals(List.of("cpu_high:resolved"), summary(resolved));
        assertEquals(alertId, resolved.get(0).get("alert_id").asText());
    }

    @Test
    void aRegionsServersCarryOverARestart() {
        for (int s = 0; s <= 60; s += 5) {
            input.pipeInput("r1", event("r1", "eu-central", 50, 50, 300, T0.plusSeconds(s)));
            input.pipeInput("r2", event("r2", "eu-central", 50, 50, 50, T0.plusSeconds(s)));
        }
        Map<String, Point> points = copyOf(driver.getKeyValueStore(MetricsTopology.REGION_POINTS_STORE));
        assertEquals(Set.of("eu-central|r1", "eu-central|r2"), points.keySet(), "one record per server");
        Map<String, RegionState> rules = copyOf(driver.getKeyValueStore(MetricsTopology.REGION_STORE));
        driver.close();
        open();
        // what Kafka Streams restores from the changelogs after a restart
        points.forEach(driver.<String, Point>getKeyValueStore(MetricsTopology.REGION_POINTS_STORE)::put);
        rules.forEach(driver.<String, RegionState>getKeyValueStore(MetricsTopology.REGION_STORE)::put);

        // r2 (latency 50) is quiet but still within the window: the region's average is 175, no breach
        for (int s = 65; s <= 110; s += 5) {
            input.pipeInput("r1", event("r1", "eu-central", 50, 50, 300, T0.plusSeconds(s)));
        }
        RegionState region = driver.<String, RegionState>getKeyValueStore(MetricsTopology.REGION_STORE).get("eu-central");
        assertEquals(null, region.rules().get("region_latency_degraded").breachSince(), "r2's point was restored");
        assertEquals(List.of(), alerts());
    }

    private static <V> Map<String, V> copyOf(KeyValueStore<String, V> store) {
        Map<String, V> copy = new TreeMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> copy.put(entry.key, entry.value));
        }
        return copy;
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndProcessingGoesOn() {
        input.pipeInput("s1", "this is not JSON");
        input.pipeInput("someone-else", event("s1", 50, T0));
        input.pipeInput("s1", event("s1", 50, Instant.now().plus(Duration.ofDays(3))));
        cpu("s1", 0, 65, 90);

        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertEquals(3, dead.size());
        assertEquals("this is not JSON", dead.get(0).value(), "as received");
        assertEquals("s1", dead.get(0).key());
        assertTrue(header(dead.get(1), "dlq_error").contains("record key 'someone-else'"), header(dead.get(1), "dlq_error"));
        assertTrue(header(dead.get(2), "dlq_error").contains("ahead of the clock"), header(dead.get(2), "dlq_error"));
        assertEquals(Topics.SERVER_METRICS, header(dead.get(0), "dlq_topic"));
        assertEquals(3.0, registry.get(MetricsMeters.SKIPPED).counter().count());
        assertEquals(List.of("cpu_high:firing"), summary(alerts()), "the good records behind them are processed");
    }

    @Test
    void aSampleLaterThanTheGraceIsCountedAndLeftOutOneWithinIsKept() {
        cpu("s1", 0, 60, 50);
        input.pipeInput("s1", event("s1", 50, T0.plusSeconds(2)));
        assertEquals(1.0, registry.get(MetricsMeters.LATE).counter().count(), "58 s behind: beyond the 30 s grace");
        input.pipeInput("s1", event("s1", 50, T0.plusSeconds(42)));
        assertEquals(1.0, registry.get(MetricsMeters.LATE).counter().count(), "18 s behind: within the grace");
        ServerState state = serverStore().get("s1");
        assertEquals(T0.plusSeconds(60), state.latest().lastSeenTime(), "a late sample never rolls the latest back");
        assertTrue(state.window().stream().anyMatch(p -> p.time() == T0.plusSeconds(42).toEpochMilli()), "kept in the window");
    }

    @Test
    void aServerWhoseClockIsADayAheadIsEvaluatedAtItsReceiptTimesAndCounted() {
        Instant ahead = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant sent = T0;
        for (int s = 0; s <= 65; s += 5) {
            input.pipeInput("s1", event("s1", "us-west", 90, 50, 100, ahead.plusSeconds(s)), sent.plusSeconds(s));
        }
        TestRecord<String, String> firing = alerts.readRecord();
        assertEquals(sent.plusSeconds(60), firing.getRecordTime());
        assertEquals(sent.toString(), EventJson.readTree(firing.value()).get("started_at").asText(), "counted at its receipt");
        assertEquals(14.0, registry.get(MetricsMeters.CLOCK_SKEW).counter().count());
        assertEquals(sent.plusSeconds(65), serverStore().get("s1").latest().lastSeenTime());
    }

    @Test
    void aServerADayAheadMakesNoOtherServerSilentAndIsCountedAtItsReceipt() {
        Instant now = wallStart;
        for (String server : List.of("s1", "s2")) {
            input.pipeInput(server, event(server, 50, now.minusSeconds(10)), now.minusSeconds(10));
        }
        input.pipeInput("forged", event("forged", 50, now.plus(Duration.ofDays(1))), now);
        driver.advanceWallClockTime(Duration.ofSeconds(15));

        assertEquals(List.of(), summary(alerts()), "25 s after their last sample: nobody is silent");
        assertEquals(now, serverStore().get("forged").latest().lastSeenTime(), "counted at its receipt");
        assertEquals(1.0, registry.get(MetricsMeters.CLOCK_SKEW).counter().count());

        driver.advanceWallClockTime(Duration.ofSeconds(20));
        assertEquals(List.of("server_silent:firing", "server_silent:firing", "server_silent:firing"), summary(alerts()),
                "the wall clock still makes all three silent in time");
    }

    @Test
    void aSampleWithinTheSkewAheadPushesNoOtherServerOutOfItsRegion() {
        Instant now = wallStart;
        for (String server : List.of("r1", "r2")) {
            input.pipeInput(server, event(server, "eu-central", 50, 50, 100, now.minusSeconds(10)), now.minusSeconds(10));
        }
        input.pipeInput("r3", event("r3", "eu-central", 50, 50, 100, now.plusSeconds(90)), now);
        input.pipeInput("r1", event("r1", "eu-central", 50, 50, 100, now.minusSeconds(5)), now.minusSeconds(5));

        Map<String, Point> points = copyOf(driver.getKeyValueStore(MetricsTopology.REGION_POINTS_STORE));
        assertEquals(java.util.Set.of("eu-central|r1", "eu-central|r2", "eu-central|r3"), points.keySet(),
                "r3's clock, 90 s ahead, neither drops r2 nor makes r1's next sample late for the region");
    }

    private KeyValueStore<String, ServerState> serverStore() {
        return driver.getKeyValueStore(MetricsTopology.SERVER_STORE);
    }

    private static String header(TestRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
