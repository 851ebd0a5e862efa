package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Active players per window and platform, exact, as events arrive and as time passes. */
class ActivePlayersTopologyTest {

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

    private void send(String player, String platform, int second) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, "move", "level_01", "map_01"),
                T0.plusSeconds(second), new UserData(player, platform));
        input.pipeInput(player, EventJson.write(event));
    }

    private long active(String window, String platform) {
        KeyValueStore<String, Long> counts = driver.getKeyValueStore(EngagementTopology.ACTIVE_COUNTS_STORE);
        Long count = counts.get(window + "|" + platform);
        return count == null ? 0 : count;
    }

    @Test
    void countsEachPlayerOncePerWindowUntilTheStreamTimePassesTheirLatestEventByTheWindow() {
        send("a", "PC", 0);
        send("b", "Mobile", 0);
        send("c", "PC", 30);
        send("c", "PC", 31);
        assertEquals(3, active("1m", ActiveWindows.ALL));
        assertEquals(2, active("1m", "PC"));
        assertEquals(1, active("1m", "Mobile"));

        send("d", "Console", 70);
        assertEquals(2, active("1m", ActiveWindows.ALL), "a and b left the last minute; c and d are in it");
        assertEquals(0, active("1m", "Mobile"));
        assertEquals(4, active("5m", ActiveWindows.ALL));
        assertEquals(4, active("1h", ActiveWindows.ALL));

        send("a", "PC", 80);
        assertEquals(3, active("1m", ActiveWindows.ALL), "a is back");
        assertEquals(4, active("5m", ActiveWindows.ALL), "and was never out of the 5 minutes");
    }

    @Test
    void whenNothingArrivesTheWallClockEmptiesTheWindowsInTurn() {
        send("a", "PC", 0);
        send("b", "Nintendo", 0);
        assertEquals(1, active("1m", ActiveWindows.OTHER));
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        assertEquals(0, active("1m", ActiveWindows.ALL));
        assertEquals(0, active("5m", ActiveWindows.ALL));
        assertEquals(2, active("15m", ActiveWindows.ALL));
        driver.advanceWallClockTime(Duration.ofMinutes(60));
        assertEquals(0, active("1h", ActiveWindows.ALL));
    }

    @Test
    void aPlayerWhoKeepsPlayingStaysCountedPastTheirFirstEventPlusTheWindowAndLeavesAWindowAfterTheirLast() {
        send("steady", "PC", 0);
        send("steady", "PC", 50);
        send("clock", "PC", 61); // past the steady player's first event plus a minute: their first due time
        assertEquals(2, active("1m", ActiveWindows.ALL), "steady's last event, 50 s, is within the minute");
        send("clock", "PC", 109);
        assertEquals(2, active("1m", ActiveWindows.ALL), "109 s is still within a minute of 50 s");
        send("clock", "PC", 110);
        assertEquals(1, active("1m", ActiveWindows.ALL), "a minute after steady's last event, they leave");
        assertEquals(0, active("1m", "Mobile"));
        assertEquals(2, active("5m", ActiveWindows.ALL));
    }

    @Test
    void anEventOlderThanTheWindowDoesNotCountAPlayerIn() {
        send("a", "PC", 120);
        send("late", "PC", 50);
        assertEquals(1, active("1m", ActiveWindows.ALL), "50 s is more than a minute before 120 s");
        assertEquals(2, active("5m", ActiveWindows.ALL));
    }
}
