package io.gameflow.engagement.streams;

import io.gameflow.engagement.config.EngagementConfig;
import io.gameflow.engagement.config.ShippedConfig;
import io.gameflow.engagement.observability.EngagementMeters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class LevelMapTopologyTest {

    private static final Instant T0 = Instant.parse("2024-11-12T10:15:30Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "level-map-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // the production guarantee: the driver simulates its commits
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        EngagementConfig config = ShippedConfig.engagement();
        driver = new TopologyTestDriver(EngagementTopology.build(config.settings(), config.fraudRules(),
                InputTime.from(config), new EngagementMeters(registry)), props);
        input = driver.createInputTopic(Topics.PLAYER_EVENTS, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String player, String level, String map, Instant time) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, "move", level, map),
                time, new UserData(player, "PC"));
        input.pipeInput(player, EventJson.write(event));
    }

    private LevelMapStats cell(String level, String map) {
        EngagementDriver.sendLevelMapDeltas(driver);
        KeyValueStore<String, LevelMapStats> store = driver.getKeyValueStore(EngagementTopology.STATS_STORE);
        return store.get(LevelMapKeys.cell(level, map));
    }

    private List<LevelMapStats> allCells() {
        EngagementDriver.sendLevelMapDeltas(driver);
        KeyValueStore<String, LevelMapStats> store = driver.getKeyValueStore(EngagementTopology.STATS_STORE);
        List<LevelMapStats> cells = new ArrayList<>();
        try (KeyValueIterator<String, LevelMapStats> all = store.all()) {
            all.forEachRemaining(kv -> cells.add(kv.value));
        }
        return cells;
    }

    private double skipped() {
        return registry.get(EngagementMeters.DEAD_LETTERED).tag("topic", Topics.PLAYER_EVENTS).counter().count();
    }

    @Test
    void countsEventsAndDistinctPlayersPerLevelAndMap() {
        for (int i = 0; i < 3; i++) {
            send("p1", "L1", "M1", T0.plusSeconds(i));
        }
        send("p2", "L1", "M1", T0.plusSeconds(3));
        send("p2", "L1", "M2", T0.plusSeconds(4));
        send("p2", "L1", "M2", T0.plusSeconds(5));
        send("p3", "L2", "M1", T0.plusSeconds(6));

        assertEquals(4, cell("L1", "M1").events());
        assertEquals(2, cell("L1", "M1").players());
        // p2 also played L1/M1: a player counts once per cell, in every cell visited
        assertEquals(2, cell("L1", "M2").events());
        assertEquals(1, cell("L1", "M2").players());
        assertEquals(1, cell("L2", "M1").events());
        assertEquals(1, cell("L2", "M1").players());
        assertEquals(3, allCells().size());
        assertEquals(0, skipped());
    }

    @Test
    void theCellTotalsGrowOncePerCommitIntervalAndAPlayerCountsOnceAcrossIntervals() {
        send("p1", "L1", "M1", T0);
        send("p1", "L1", "M1", T0.plusSeconds(1));
        KeyValueStore<String, LevelMapStats> totals = driver.getKeyValueStore(EngagementTopology.STATS_STORE);
        assertNull(totals.get(LevelMapKeys.cell("L1", "M1")), "the deltas wait for the commit interval");

        assertEquals(2, cell("L1", "M1").events());
        try (var deltas = driver.<String, LevelMapStats>getKeyValueStore(EngagementTopology.CELL_DELTAS_STORE).all()) {
            assertFalse(deltas.hasNext(), "sent deltas are taken out");
        }

        send("p1", "L1", "M1", T0.plusSeconds(2));
        send("p2", "L1", "M1", T0.plusSeconds(3));
        assertEquals(4, cell("L1", "M1").events());
        assertEquals(2, cell("L1", "M1").players(), "p1 was counted in the first interval, not again");
        assertEquals(T0.plusSeconds(3).toEpochMilli(), cell("L1", "M1").lastEventMs());
    }

    @Test
    void asOfIsTheLatestEventTimeEvenWhenEventsArriveOutOfOrder() {
        send("p1", "L1", "M1", T0.plusSeconds(30));
        send("p2", "L1", "M2", T0.plusSeconds(90));
        // late: must not move stream time backwards
        send("p1", "L1", "M1", T0.plusSeconds(10));

        assertEquals(T0.plusSeconds(30).toEpochMilli(), cell("L1", "M1").lastEventMs());
        assertEquals(Optional.of(T0.plusSeconds(90)), LevelMapReport.of(allCells(), null).asOf());
        assertEquals(Optional.of(T0.plusSeconds(90)), LevelMapReport.of(allCells(), "L1").asOf());
    }

    @Test
    void skipsRecordsThatAreNotValidPlayerEventsAndKeepsProcessing() {
        input.pipeInput("p1", "this is not JSON");
        input.pipeInput("p1", (String) null);
        ObjectNode noLevel = (ObjectNode) EventJson.readTree(SeedExamples.playerEvent());
        ((ObjectNode) noLevel.get("parameters")).remove("level_id");
        input.pipeInput("p1", noLevel.toString());
        // a valid event, but a purchase: it has no level or map
        input.pipeInput("p1", SeedExamples.purchaseEvent());
        send("p1", "L1", "M1", T0);

        assertEquals(4, skipped());
        assertEquals(1, cell("L1", "M1").events());
        assertEquals(1, allCells().size());
    }

    @Test
    void acceptsTheSeedExampleDespiteItsOldTimestamp() {
        input.pipeInput("player_123", SeedExamples.playerEvent());

        LevelMapStats stats = cell("level_02", "map_03");
        assertEquals(1, stats.players());
        assertEquals(Instant.parse("2024-11-12T10:15:30Z").toEpochMilli(), stats.lastEventMs());
    }

    @Test
    void idsContainingTheSeparatorOfANaiveKeyDoNotCollide() {
        // ids may hold ':' (and '.', '-', '_'), so a key joined with any of them could collide
        send("p1", "a:b", "c", T0);
        send("p2", "a", "b:c", T0);

        assertEquals(1, cell("a:b", "c").events());
        assertEquals(1, cell("a", "b:c").events());
        assertNull(cell("a", "c"));
    }
}
