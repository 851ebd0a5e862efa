package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.query.LevelFunnelStore;
import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients whose clocks are an hour or a day ahead, or a day behind, among players whose clocks are right: nobody
 * else's session ends, nobody leaves an active window, no revenue window moves, and the skewed events are counted at
 * their receipt time (ahead) or their own time (behind). Records are received "now", the driver's wall clock.
 */
class SkewedClocksTopologyTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final List<String> PLAYERS = List.of("p1", "p2", "p3");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> players;
    private TestInputTopic<String, String> purchases;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void start() {
        driver = EngagementDriver.open(stateDir, registry, NOW);
        players = driver.createInputTopic(Topics.PLAYER_EVENTS, new StringSerializer(), new StringSerializer());
        purchases = driver.createInputTopic(Topics.PURCHASE_EVENTS, new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(EngagementTopology.ALERTS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A player event dated {@code eventTime}, received at {@code receivedAt}. */
    private void play(String player, Instant eventTime, Instant receivedAt) {
        play(player, "move", "level_01", eventTime, receivedAt);
    }

    private void play(String player, String type, String level, Instant eventTime, Instant receivedAt) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, type, level, "map_01"),
                eventTime, new UserData(player, "PC"));
        players.pipeInput(player, EventJson.write(event), receivedAt);
    }

    private int transactions;

    private void buy(String user, double amount, Instant eventTime, Instant receivedAt) {
        PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters("t-" + user + "-" + (++transactions),
                PurchaseEvent.PURCHASE, "USD", BigDecimal.valueOf(amount), "sword_1", "weapon"), eventTime, new UserData(user, "PC"));
        purchases.pipeInput(user, EventJson.write(event), receivedAt);
    }

    private void everyonePlaysAt(Instant time) {
        PLAYERS.forEach(player -> play(player, time, time));
    }

    private long active(String window) {
        Long count = driver.<String, Long>getKeyValueStore(EngagementTopology.ACTIVE_COUNTS_STORE).get(window + "|" + ActiveWindows.ALL);
        return count == null ? 0 : count;
    }

    private PlayerState player(String id) {
        TrackedPlayer player = driver.<String, TrackedPlayer>getKeyValueStore(EngagementTopology.PLAYERS_STORE).get(id);
        return player == null ? null : player.session();
    }

    private double skewed(String topic) {
        return registry.get(EngagementMeters.CLOCK_SKEW).tag("topic", topic).counter().count();
    }

    @Test
    void clientsAnHourOrADayAheadChangeNobodyElsesActivePlayersOrSessions() {
        everyonePlaysAt(NOW.minusSeconds(30));
        assertEquals(3, active("1m"));

        play("hour-ahead", NOW.plus(Duration.ofHours(1)), NOW);
        play("day-ahead", NOW.plus(Duration.ofDays(1)), NOW);
        driver.advanceWallClockTime(Duration.ofSeconds(20));

        assertEquals(5, active("1m"), "the three are still in the last minute, and the two skewed clients are counted");
        PLAYERS.forEach(p -> assertTrue(player(p).open(), p + "'s session is still open"));
        assertEquals(List.of(), alerts.readValuesToList(), "no drop-off, nobody stuck");
        assertEquals(NOW.toEpochMilli(), player("hour-ahead").lastEvent(), "counted at its receipt time");
        assertEquals(NOW.toEpochMilli(), player("day-ahead").lastEvent(), "counted at its receipt time");
        assertEquals(2.0, skewed(Topics.PLAYER_EVENTS));
    }

    @Test
    void aClientADayBehindCountsAtItsOwnTimeAndHarmsNobodyElse() {
        everyonePlaysAt(NOW.minusSeconds(30));
        play("day-behind", NOW.minus(Duration.ofDays(1)), NOW);
        driver.advanceWallClockTime(Duration.ofSeconds(20));

        assertEquals(3, active("1m"), "a day ago is not in the last minute");
        assertEquals(3, active("1h"), "nor in the last hour");
        assertEquals(NOW.minus(Duration.ofDays(1)).toEpochMilli(), player("day-behind").lastEvent());
        PLAYERS.forEach(p -> assertTrue(player(p).open(), p + "'s session is still open"));
        assertEquals(0.0, skewed(Topics.PLAYER_EVENTS));
    }

    @Test
    void aRecordTimestampAheadOfTheWallClockIsNotTakenAsItsReceipt() {
        // a producer other than ingest may stamp its records with any time
        everyonePlaysAt(NOW.minusSeconds(30));
        play("forger", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        driver.advanceWallClockTime(Duration.ofSeconds(20));

        assertEquals(4, active("1m"));
        assertEquals(NOW.toEpochMilli(), player("forger").lastEvent(), "counted at the wall clock when it was read");
        assertEquals(List.of(), alerts.readValuesToList());
    }

    @Test
    void sessionsStillEndOnTimeAfterASkewedClientWasSeen() {
        everyonePlaysAt(NOW.minusSeconds(30));
        play("day-ahead", NOW.plus(Duration.ofDays(1)), NOW);
        driver.advanceWallClockTime(Duration.ofMinutes(6));

        List<String> ended = alerts.readValuesToList().stream().map(EventJson::readTree)
                .filter(alert -> EngagementAlert.DROPPED_OFF.equals(alert.get("type").asText()))
                .map(alert -> alert.get("player_id").asText()).sorted().toList();
        assertEquals(List.of("day-ahead", "p1", "p2", "p3"), ended, "after the 5-minute gap, by the wall clock, everyone's session ends");
    }

    @Test
    void aPurchaseADayAheadIsCountedNowAndDoesNotMoveTheRevenueWindow() {
        buy("u1", 10, NOW.minusSeconds(20), NOW.minusSeconds(20));
        buy("u2", 5, NOW.minusSeconds(10), NOW.minusSeconds(10));
        buy("cheat", 1, NOW.plus(Duration.ofDays(1)), NOW);

        CurrencyRevenue usd = driver.<String, CurrencyRevenue>getKeyValueStore(PurchaseTopology.REVENUE_STORE).get("USD");
        assertEquals(NOW.getEpochSecond(), usd.newestSecond(), "the newest purchase counts at its receipt");
        assertEquals(16.0, usd.revenueWithin(usd.newestSecond(), 60), 1e-9, "all three are in the last minute");
        assertEquals(1.0, skewed(Topics.PURCHASE_EVENTS));
    }

    @Test
    void aLevelTimeOfAClientADayAheadIsMeasuredBetweenItsReceipts() {
        Instant start = NOW.minusSeconds(90);
        play("honest", "move", "level_07", start, start);
        play("honest", PlayerEvent.LEVEL_COMPLETE, "level_07", start.plusSeconds(40), start.plusSeconds(40));
        Instant dayAhead = NOW.plus(Duration.ofDays(1));
        play("day-ahead", "move", "level_07", dayAhead, start);
        play("day-ahead", PlayerEvent.LEVEL_COMPLETE, "level_07", dayAhead.plusSeconds(5), start.plusSeconds(60));

        LevelFunnelStats level = driver.<String, LevelFunnelStats>getKeyValueStore(EngagementTopology.LEVEL_FUNNEL_STORE).get("level_07");
        List<Long> durations = LevelFunnelStore.durationsOf(driver.getKeyValueStore(EngagementTopology.LEVEL_DURATIONS_STORE), "level_07");
        assertEquals(2, level.completions());
        assertEquals(List.of(40_000L, 60_000L), durations.stream().sorted().toList(),
                "the honest player's own 40 s; the skewed one's 60 s between receipts, not its clock's 5 s");
    }

    @Test
    void aBurstFromAClientADayAheadIsFoundAtItsReceiptTimesAndAnHonestBuyerIsNot() {
        Instant dayAhead = NOW.plus(Duration.ofDays(1));
        for (int i = 0; i < 6; i++) {
            // its clock says an hour apart; it sent them within a minute
            buy("burst", 2, dayAhead.plus(Duration.ofHours(i)), NOW.minusSeconds(60 - i * 10L));
        }
        buy("honest", 3, NOW.minusSeconds(30), NOW.minusSeconds(30));

        TestOutputTopic<String, String> findings = driver.createOutputTopic(Topics.FRAUD_ALERTS, new StringDeserializer(),
                new StringDeserializer());
        List<String> found = findings.readValuesToList().stream().map(EventJson::readTree)
                .map(f -> f.get("rule").asText() + "@" + f.get("user_id").asText()).toList();
        assertEquals(List.of(FraudRules.VELOCITY + "@burst"), found);
    }
}
