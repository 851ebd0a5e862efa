package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.SessionStats;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions, stuck and drop-off as docs/definitions.md defines them, on hand-made sequences of one or a few players. */
class PlayerActivityTopologyTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = EngagementDriver.open(stateDir, registry, Instant.now());
        input = driver.createInputTopic(Topics.PLAYER_EVENTS, new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(EngagementTopology.ALERTS, new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(EngagementTopology.DEAD_LETTERS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private String send(String player, String session, String type, String level, String map, int second) {
        String eventId = UUID.randomUUID().toString();
        send(player, session, type, level, map, second, eventId);
        return eventId;
    }

    private void send(String player, String session, String type, String level, String map, int second, String eventId) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, session, type, level, map),
                T0.plusSeconds(second), new UserData(player, "Mobile"));
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        input.pipeInput(new TestRecord<>(player, EventJson.write(event), headers, T0.plusSeconds(second)));
    }

    /** {@code count} failed attempts at a level and map, {@code every} seconds apart from {@code from}. */
    private int fails(String player, String level, String map, int from, int count, int every) {
        int second = from;
        for (int i = 0; i < count; i++, second += every) {
            send(player, "s1", "fail", level, map, second);
        }
        return second;
    }

    /** The task's session entries (counts, samples) added up, as the REST answer reads them. */
    private SessionStats sessions() {
        SessionStats total = SessionStats.NONE;
        try (var all = driver.<String, SessionStats>getKeyValueStore(EngagementTopology.SESSION_STATS_STORE).all()) {
            while (all.hasNext()) {
                total = total.plus(all.next().value);
            }
        }
        return total;
    }

    private List<JsonNode> alerts() {
        return alerts.readValuesToList().stream().map(EventJson::readTree).toList();
    }

    private static List<String> summary(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("type").asText() + "@" + a.get("player_id").asText() + ":"
                + a.get("level_id").asText() + "/" + a.get("map_id").asText()).toList();
    }

    @Test
    void aPlayerFailingAtOneMapForThreeMinutesIsStuckOnceAProgressingPlayerIsNot() {
        fails("stuck", "level_03", "map_02", 0, 20, 10);
        // the progressing player moves to another map every 30 s, with as many events
        for (int i = 0; i < 20; i++) {
            send("moving", "s1", "move", "level_01", "map_0" + (1 + (i / 3) % 3), i * 10);
        }
        List<JsonNode> found = alerts();
        assertEquals(List.of("player_stuck@stuck:level_03/map_02"), summary(found));
        assertEquals(T0.toString(), found.get(0).get("since").asText());
        assertEquals(T0.plusSeconds(180).toString(), found.get(0).get("at").asText(), "at the first event 3 min after arriving");
        assertTrue(found.get(0).get("events").asLong() >= 10);

        fails("stuck", "level_03", "map_02", 200, 10, 10);
        assertEquals(List.of(), alerts(), "one player_stuck per player, session, level and map");
        CellNow there = driver.<String, CellNow>getKeyValueStore(EngagementTopology.CELLS_NOW_STORE)
                .get(LevelMapKeys.cell("level_03", "map_02"));
        assertEquals(1, there.players());
        assertEquals(1, there.stuck());
        send("stuck", "s1", "move", "level_03", "map_03", 400);
        there = driver.<String, CellNow>getKeyValueStore(EngagementTopology.CELLS_NOW_STORE).get(LevelMapKeys.cell("level_03", "map_02"));
        assertEquals(0, there.players(), "moved on");
        assertEquals(0, there.stuck());
    }

    @Test
    void aPlayerWhoCompletesTheLevelIsNotStuckThoughLongThere() {
        fails("slow", "level_02", "map_03", 0, 15, 10);
        send("slow", "s1", "level_complete", "level_02", "map_03", 150);
        fails("slow", "level_02", "map_03", 160, 5, 10);
        assertEquals(List.of(), alerts());
    }

    @Test
    void aSessionThatEndsOnAnUncompletedLevelIsADropOffAtItsLastMap() {
        send("quitter", "s1", "move", "level_01", "map_01", 0);
        send("quitter", "s1", "level_complete", "level_01", "map_03", 30);
        send("quitter", "s1", "fail", "level_02", "map_01", 60);
        send("quitter", "s1", "fail", "level_02", "map_02", 90);
        send("finisher", "s1", "level_complete", "level_01", "map_03", 90);
        // another player's events move the stream time on, past both sessions' gap
        send("other", "s1", "move", "level_01", "map_01", 90 + 301);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<JsonNode> found = alerts();
        assertEquals(List.of("player_dropped_off@quitter:level_02/map_02"), summary(found));
        assertEquals(T0.plusSeconds(90).toString(), found.get(0).get("at").asText());
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of(), alerts(), "emitted once");
    }

    @Test
    void stuckPlayersAndDropOffsAreCountedPerCellInAStoreThatItsChangelogRestores() {
        fails("stuck", "level_03", "map_02", 0, 20, 10);
        send("q1", "s1", "fail", "level_02", "map_02", 0);
        send("q1", "s2", "move", "level_01", "map_01", 60);
        send("q2", "s1", "fail", "level_02", "map_02", 0);
        send("q2", "s2", "move", "level_01", "map_01", 60);
        // ids may hold ":": joined with ":" these two would be one cell
        send("q3", "s1", "fail", "a:b", "c", 0);
        send("q3", "s2", "move", "level_01", "map_01", 60);
        send("q4", "s1", "fail", "a", "b:c", 0);
        send("q4", "s2", "move", "level_01", "map_01", 60);
        assertEquals(5, alerts().size(), "one stuck, four drop-offs");

        KeyValueStore<String, CellAlerts> store = driver.getKeyValueStore(EngagementTopology.CELL_ALERTS_STORE);
        assertEquals(new CellAlerts("level_03", "map_02", 1, 0), store.get(LevelMapKeys.cell("level_03", "map_02")));
        assertEquals(new CellAlerts("level_02", "map_02", 0, 2), store.get(LevelMapKeys.cell("level_02", "map_02")));
        assertEquals(new CellAlerts("a:b", "c", 0, 1), store.get(LevelMapKeys.cell("a:b", "c")));
        assertEquals(new CellAlerts("a", "b:c", 0, 1), store.get(LevelMapKeys.cell("a", "b:c")));

        // what a restarted instance restores the store from: the latest record per cell on the changelog
        Map<String, CellAlerts> changelog = new HashMap<>();
        driver.createOutputTopic("engagement-test-" + EngagementTopology.CELL_ALERTS_STORE + "-changelog",
                        new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList()
                .forEach(kv -> changelog.put(kv.key, EventJson.mapper().convertValue(EventJson.readTree(kv.value), CellAlerts.class)));
        assertEquals(4, changelog.size());
        changelog.forEach((cell, counts) -> assertEquals(store.get(cell), counts, cell));
    }

    @Test
    void sessionsAreCountedOpenThenEndedWithTheirLengthAndEvents() {
        send("a", "s1", "move", "level_01", "map_01", 0);
        send("a", "s1", "move", "level_01", "map_02", 100);
        send("b", "s1", "move", "level_01", "map_01", 50);
        SessionStats open = sessions();
        assertEquals(2, open.open());
        assertEquals(0, open.ended());
        send("a", "s2", "move", "level_01", "map_02", 150);
        SessionStats after = sessions();
        assertEquals(2, after.open(), "a's second session replaces the first");
        assertEquals(1, after.ended());
        assertEquals(List.of(100_000L), after.lengthsMs());
        assertEquals(List.of(2L), after.events());
    }

    @Test
    void theSamplesAreTheLatestSessionsThatEndedAndTheCountsAreAll() {
        int sessions = SessionStats.KEPT + 20;
        for (int i = 0; i < sessions; i++) {
            // player i's first session has two events when i is a multiple of 7, else one, and it ends when the
            // player's second session starts; all within two minutes, so that no session ends by the gap
            int at = i % 100;
            send("p" + i, "s1", "move", "level_01", "map_01", at);
            if (i % 7 == 0) {
                send("p" + i, "s1", "move", "level_01", "map_01", at + 1);
            }
            send("p" + i, "s2", "move", "level_01", "map_01", at + 10);
        }
        SessionStats all = sessions();
        assertEquals(sessions, all.ended());
        assertEquals(sessions, all.open());
        assertEquals(SessionStats.KEPT, all.events().size(), "a ring of the latest samples, not every one");
        long twoEventSessionsKept = IntStream.range(sessions - SessionStats.KEPT, sessions).filter(i -> i % 7 == 0).count();
        assertEquals(twoEventSessionsKept, all.events().stream().filter(n -> n == 2L).count(),
                "the first 20 sessions' samples were overwritten by the latest 20");
    }

    @Test
    void whenNothingArrivesTheWallClockEndsTheSessions() {
        send("last", "s1", "fail", "level_04", "map_01", 0);
        driver.advanceWallClockTime(Duration.ofMinutes(4));
        assertEquals(List.of(), alerts());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertEquals(List.of("player_dropped_off@last:level_04/map_01"), summary(alerts()));
    }

    @Test
    void aSessionThatGoesOnPastItsFirstEventPlusTheGapEndsAGapAfterItsLastEvent() {
        send("long", "s1", "fail", "level_04", "map_01", 0);
        send("long", "s1", "fail", "level_04", "map_01", 200);
        driver.advanceWallClockTime(Duration.ofMinutes(2)); // 320 s: past 0 s plus the 5 min gap
        assertEquals(List.of(), alerts());
        driver.advanceWallClockTime(Duration.ofMinutes(2)); // 440 s
        assertEquals(List.of(), alerts());
        driver.advanceWallClockTime(Duration.ofMinutes(1)); // 500 s: 200 s plus the gap
        assertEquals(List.of("player_dropped_off@long:level_04/map_01"), summary(alerts()));
    }

    @Test
    void aNewSessionIdEndsThePreviousSession() {
        send("p", "s1", "fail", "level_02", "map_01", 0);
        send("p", "s2", "move", "level_02", "map_01", 60);
        assertEquals(List.of("player_dropped_off@p:level_02/map_01"), summary(alerts()));
    }

    @Test
    void aDuplicateEventIdCountsOnceAndOutOfOrderWithinTheGraceCountsBeyondItDoesNot() {
        String id = send("p", "s1", "move", "level_01", "map_01", 100);
        send("p", "s1", "move", "level_01", "map_01", 100, id);
        send("p", "s1", "move", "level_01", "map_01", 80);
        send("p", "s1", "move", "level_01", "map_01", 10);

        assertEquals(1.0, registry.get(EngagementMeters.DUPLICATES).counter().count());
        assertEquals(1.0, registry.get(EngagementMeters.LATE).counter().count(), "90 s behind: beyond the 30 s grace");
        EngagementDriver.sendLevelMapDeltas(driver);
        LevelMapStats cell = driver.<String, LevelMapStats>getKeyValueStore(EngagementTopology.STATS_STORE)
                .get(LevelMapKeys.cell("level_01", "map_01"));
        assertEquals(2, cell.events(), "the original and the one 20 s late; not the duplicate, not the one 90 s late");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndProcessingGoesOn() {
        input.pipeInput("p", "this is not JSON");
        send("p", "s1", "move", "level_01", "map_01", 0);
        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertEquals(1, dead.size());
        assertEquals("this is not JSON", dead.get(0).value());
        assertTrue(new String(dead.get(0).headers().lastHeader("dlq_error").value(), StandardCharsets.UTF_8).contains("JSON"));
        assertEquals(1.0, registry.get(EngagementMeters.DEAD_LETTERED).tag("topic", Topics.PLAYER_EVENTS).counter().count());
    }
}
