package io.gameflow.engagement.streams;

import io.gameflow.engagement.query.LevelFunnelStore;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The level funnel: players, completions and their times, drop-offs, per level. */
class LevelFunnelTopologyTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;

    @BeforeEach
    void start() {
        driver = EngagementDriver.open(stateDir, new SimpleMeterRegistry(), Instant.now());
        input = driver.createInputTopic(Topics.PLAYER_EVENTS, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String player, String type, String level, int second) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, type, level, "map_01"),
                T0.plusSeconds(second), new UserData(player, "PC"));
        input.pipeInput(player, EventJson.write(event));
    }

    private LevelFunnelStats level(String levelId) {
        LevelFunnelStats counts = driver.<String, LevelFunnelStats>getKeyValueStore(EngagementTopology.LEVEL_FUNNEL_STORE).get(levelId);
        return counts.withDurations(LevelFunnelStore.durationsOf(
                driver.getKeyValueStore(EngagementTopology.LEVEL_DURATIONS_STORE), levelId));
    }

    @Test
    void countsPlayersCompletionsTheirTimesAndDropOffsPerLevel() {
        send("fast", "move", "level_01", 0);
        send("fast", "level_complete", "level_01", 60);
        send("fast", "level_complete", "level_01", 70);
        send("slow", "move", "level_01", 0);
        send("slow", "fail", "level_01", 100);
        send("slow", "level_complete", "level_01", 180);
        send("quitter", "fail", "level_01", 10);
        send("quitter", "fail", "level_01", 20);
        // the stream time moves past the quitter's session gap: a drop-off on level_01
        send("fast", "move", "level_02", 20 + 301);

        LevelFunnelStats one = level("level_01");
        assertEquals(3, one.players());
        assertEquals(2, one.completions(), "a second level_complete of the same player is not another completion");
        assertEquals(2.0 / 3, one.completionRate(), 1e-9);
        assertEquals(60_000L, one.durationQuantile(0.5));
        assertEquals(180_000L, one.durationQuantile(0.95));
        assertEquals(0, one.dropOffs(), "sessions end on the punctuation");

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(1, level("level_01").dropOffs());
        assertEquals(1, level("level_02").players());
    }

    @Test
    void aLevelsTimesToCompleteAreItsOwnWhateverTheOtherLevelsAreCalled() {
        // level ids may hold ':', the separator of the durations' store keys: "level" must not read the times of "level:hard"
        send("p1", "move", "level", 0);
        send("p1", "level_complete", "level", 60);
        send("p2", "move", "level:hard", 0);
        send("p2", "level_complete", "level:hard", 500);

        assertEquals(List.of(60_000L), level("level").durationsMs());
        assertEquals(List.of(500_000L), level("level:hard").durationsMs());
    }
}
