package io.gameflow.engagement.streams;

import io.gameflow.engagement.config.ShippedConfig;
import io.gameflow.engagement.domain.EngagementSettings;
import io.gameflow.engagement.domain.kpi.DailyKpis;
import io.gameflow.engagement.domain.kpi.KpiCalendar;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.domain.kpi.KpiParts;
import io.gameflow.engagement.domain.kpi.KpiSettings;
import io.gameflow.engagement.domain.kpi.KpiTable;
import io.gameflow.engagement.domain.kpi.Retention;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio KPIs of docs/definitions.md through the whole topology, at their edges: midnight in the configured zone,
 * a player back on day 7 only, refunds on a later day, late events inside and outside the grace, days becoming final,
 * sessions and playtime, and what an untrusted client can send.
 */
class KpiTopologyTest {

    private static final List<String> ALL = List.of("PC", "Console", "Mobile", "other");
    /** A day three weeks back: every time of the tests is in the past of the wall clock, as a replay's would be. */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(21);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> players;
    private TestInputTopic<String, String> purchases;
    private KpiCalendar calendar;
    private int transactions;

    private void open(ZoneId zone) {
        open(zone, Duration.ofDays(400));
    }

    private void open(ZoneId zone, Duration daysKept) {
        EngagementSettings shipped = ShippedConfig.engagement().settings();
        EngagementSettings settings = new EngagementSettings(shipped.sessionGap(), shipped.stuckAfter(),
                shipped.stuckMinEvents(), shipped.grace(), shipped.dedupeWindow(), KpiSettings.of(zone, daysKept));
        calendar = settings.kpi().calendar();
        driver = EngagementDriver.open(stateDir, registry, Instant.now(), settings);
        players = driver.createInputTopic(Topics.PLAYER_EVENTS, new StringSerializer(), new StringSerializer());
        purchases = driver.createInputTopic(Topics.PURCHASE_EVENTS, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(calendar.zone()).toInstant();
    }

    private void play(String player, String platform, String session, Instant time) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, session, "move", "level_01", "map_01"),
                time, new UserData(player, platform));
        players.pipeInput(player, EventJson.write(event));
    }

    private void play(String player, Instant time) {
        play(player, "PC", "s-" + player, time);
    }

    private void buy(String user, String type, String currency, String amount, Instant time) {
        PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters("t" + (++transactions), type, currency,
                new BigDecimal(amount), "gem_pack", "currency"), time, new UserData(user, "Mobile"));
        purchases.pipeInput(user, EventJson.write(event));
    }

    /** What the REST answers read: the KPI entries of the (one) task's two stores, as {@code KpiStore} gathers them. */
    private KpiTable table() {
        KpiParts.Collector collector = new KpiParts.Collector(Integer.MIN_VALUE + 1, Integer.MAX_VALUE);
        KeyValueStore<String, Long> counts = driver.getKeyValueStore(EngagementTopology.ACTIVE_COUNTS_STORE);
        try (KeyValueIterator<String, Long> all = counts.all()) {
            all.forEachRemaining(entry -> collector.count(entry.key, entry.value));
        }
        KeyValueStore<String, String> money = driver.getKeyValueStore(PurchaseTopology.PURCHASE_KPIS_STORE);
        try (KeyValueIterator<String, String> all = money.all()) {
            all.forEachRemaining(entry -> collector.text(entry.key, entry.value));
        }
        return new KpiTable(collector.parts());
    }

    private DailyKpis.Day day(LocalDate date) {
        return DailyKpis.day(table(), calendar, calendar.dayOf(date), ALL);
    }

    private Retention.Cohort cohort(LocalDate date, LocalDate today) {
        return Retention.cohort(table(), calendar, calendar.dayOf(date), calendar.dayOf(today), ALL);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " expected, got " + actual);
    }

    private double kpiLate(String topic) {
        Counter late = registry.find(EngagementMeters.KPI_LATE).tag("topic", topic).counter();
        return late == null ? 0 : late.count();
    }

    @Test
    void theLastMillisecondBeforeMidnightInTheZoneIsTheDayBeforeTheFirstIsTheDayAfter() {
        open(ZoneId.of("America/New_York"));
        play("late-owl", at(DAY, "23:59:59.999"));
        play("early-bird", at(DAY.plusDays(1), "00:00:00"));

        assertEquals(1, day(DAY).dau());
        assertEquals(1, day(DAY).newPlayers());
        assertEquals(1, day(DAY.plusDays(1)).dau());
        assertEquals(1, day(DAY.plusDays(1)).newPlayers());
        assertEquals(2, day(DAY.plusDays(1)).wau(), "both are in the week ending with the second day");
        assertEquals(LocalDate.ofInstant(at(DAY, "23:59:59.999"), ZoneOffset.UTC),
                LocalDate.ofInstant(at(DAY.plusDays(1), "00:00:00"), ZoneOffset.UTC),
                "in UTC the two would have been one day: the zone decides");
    }

    @Test
    void aPlayerActiveOnDayZeroAndDaySevenOnlyCountsInD7AndNotInD1() {
        open(ZoneOffset.UTC);
        play("weekly", at(DAY, "10:00"));
        play("daily", at(DAY, "11:00"));
        for (int n = 1; n <= 7; n++) {
            play("daily", "PC", "s-daily-" + n, at(DAY.plusDays(n), "11:00"));
        }
        play("weekly", "PC", "s-weekly-2", at(DAY.plusDays(7), "12:00"));

        Retention.Cohort cohort = cohort(DAY, DAY.plusDays(7));
        assertEquals(2, cohort.newPlayers());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L, 1L, 1L, 2L), cohort.days().stream().map(Retention.CohortDay::players).toList());
        assertEquals(0.5, cohort.d1());
        assertEquals(1.0, cohort.d7());
        assertNull(cohort.d30(), "day 30 has not come");
        assertTrue(cohort.days().get(1).isFinal(), "day 1 is long past its end plus the grace");
        assertFalse(cohort.days().get(7).isFinal(), "day 7 is still open");
        assertEquals(0, day(DAY.plusDays(7)).newPlayers(), "a player coming back is not new");
        assertEquals(2, day(DAY.plusDays(7)).dau());
        assertEquals(1, day(DAY.plusDays(6)).dau());
        assertEquals(2, day(DAY.plusDays(6)).wau(), "weekly's day 0 is in the week ending with day 6");
        assertEquals(2, day(DAY.plusDays(7)).mau());
        assertEquals(1.0, day(DAY.plusDays(7)).stickiness());
    }

    @Test
    void refundsCountOnTheirOwnDayAndNeverMakeAPayer() {
        open(ZoneOffset.UTC);
        play("whale", at(DAY, "09:00"));
        play("minnow", at(DAY, "09:30"));
        buy("whale", PurchaseEvent.PURCHASE, "USD", "10.00", at(DAY, "10:00"));
        buy("whale", PurchaseEvent.PURCHASE, "USD", "4.99", at(DAY, "11:00"));
        buy("minnow", PurchaseEvent.PURCHASE, "EUR", "0.99", at(DAY, "12:00"));
        buy("whale", PurchaseEvent.REFUND, "USD", "10.00", at(DAY.plusDays(1), "10:00"));
        play("whale", "PC", "s-2", at(DAY.plusDays(1), "10:05"));

        DailyKpis.Day first = day(DAY);
        assertEquals(2, first.payingUsers());
        assertEquals(2, first.firstTimePayers());
        assertEquals(1.0, first.conversion());
        DailyKpis.CurrencyDay usd = first.revenue().get(1);
        assertEquals("USD", usd.currency());
        assertAmount("14.99", usd.netRevenue());
        assertEquals(1, usd.payingUsers());
        assertAmount("7.495", usd.arpdau());
        assertAmount("14.99", usd.arppu());
        assertEquals(0.5, usd.conversion());
        assertEquals("EUR", first.revenue().get(0).currency(), "currencies in order, never converted");

        DailyKpis.Day second = day(DAY.plusDays(1));
        assertAmount("-10", second.revenue().get(0).netRevenue());
        assertEquals(0, second.payingUsers(), "a refund is no purchase");
        assertEquals(0, second.revenue().get(0).payingUsers());
        assertNull(second.revenue().get(0).arppu(), "no paying user: no ARPPU");
        assertAmount("-10", second.revenue().get(0).arpdau());
    }

    @Test
    void aLateEventWithinTheGraceCountsOnItsOwnDayAndOneOfAFinalDayCountsNowhereInTheKpis() {
        open(ZoneOffset.UTC);
        play("a", at(DAY.plusDays(1), "00:00:05"));
        play("a", at(DAY, "23:59:58"));
        play("b", at(DAY.plusDays(1), "00:00:10"));
        play("c", at(DAY, "23:59:50"));
        assertEquals(2, day(DAY).dau(), "a's and c's late events are within the grace of the task's now (00:00:10)");
        assertEquals(2, day(DAY).newPlayers(), "a's first event is now the day before: a moved to that cohort");
        assertEquals(1, day(DAY.plusDays(1)).newPlayers(), "only b is new on the second day");
        assertEquals(1, cohort(DAY, DAY.plusDays(1)).days().get(1).players(), "a came back on day 1 of their cohort");
        assertFalse(day(DAY).isFinal());

        play("b", at(DAY.plusDays(1), "00:00:41"));
        assertTrue(day(DAY).isFinal(), "the task's now passed the first day's end plus 30 s");
        play("d", at(DAY, "23:59:59"));
        assertEquals(2, day(DAY).dau(), "d's event is of a final day");
        assertEquals(1, kpiLate(Topics.PLAYER_EVENTS));
        assertEquals(0, day(DAY.plusDays(1)).newPlayers() - 1, "and d is no new player anywhere");
    }

    @Test
    void withNothingArrivingADayBecomesFinalByTheWallClock() {
        open(ZoneOffset.UTC);
        play("a", at(DAY, "23:00"));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertFalse(day(DAY).isFinal());
        driver.advanceWallClockTime(Duration.ofMinutes(59));
        assertFalse(day(DAY).isFinal(), "the task's now is 23:59:02, carried on by the wall clock");
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertTrue(day(DAY).isFinal(), "at 00:01:02 the day is past its end plus the grace");
        assertFalse(day(DAY.plusDays(1)).isFinal());
    }

    @Test
    void sessionsCountOnTheDayTheyStartAndPlaytimeOnTheDayEachEventAddsIt() {
        open(ZoneOffset.UTC);
        play("p", "PC", "s1", at(DAY, "23:58:00"));
        play("p", "PC", "s1", at(DAY, "23:59:00"));
        play("p", "PC", "s1", at(DAY.plusDays(1), "00:01:00"));
        play("p", "PC", "s2", at(DAY.plusDays(1), "00:02:00"));
        play("p", "PC", "s2", at(DAY.plusDays(1), "00:02:30"));
        play("p", "PC", "s2", at(DAY.plusDays(1), "00:20:00"));

        assertEquals(1, day(DAY).sessions());
        assertEquals(60.0, day(DAY).playtimeSeconds());
        assertEquals(2, day(DAY.plusDays(1)).sessions(), "s2 started on the second day (so did a session after the gap)");
        assertEquals(120.0 + 30.0, day(DAY.plusDays(1)).playtimeSeconds(),
                "s1's last two minutes and s2's first 30 s; 00:20 is a new session after the 5 minute gap");
    }

    @Test
    void daysBeyondTheDaysKeptAreDroppedAndTheMonthlyCountsStayExact() {
        open(ZoneOffset.UTC, Duration.ofDays(31));
        LocalDate start = DAY.minusDays(20);
        play("old", at(start, "12:00"));
        play("old", "PC", "s-2", at(start.plusDays(3), "12:00"));
        play("new", at(start.plusDays(40), "12:00"));

        KeyValueStore<String, Long> store = driver.getKeyValueStore(EngagementTopology.ACTIVE_COUNTS_STORE);
        int dropped = calendar.dayOf(start.plusDays(40)) - 31;
        int[] days = {0};
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (KpiKeys.isDayKey(entry.key)) {
                    days[0]++;
                    assertTrue(KpiKeys.dayOf(entry.key) >= dropped, entry.key + " kept");
                }
            });
        }
        assertTrue(days[0] > 0, "the counters of the days kept are there");
        assertEquals(1, driver.<String, Long>getKeyValueStore(EngagementTopology.ACTIVE_COUNTS_STORE).get("1h|all"),
                "and the active-player counts beside them");
        assertEquals(0, day(start).dau(), "forgotten");
        assertEquals(1, day(start.plusDays(32)).mau(), "old's day 3 keeps them in the month up to day 32");
        assertEquals(0, day(start.plusDays(33)).mau());
        assertEquals(1, day(start.plusDays(40)).mau());
        assertEquals(1, day(start.plusDays(40)).wau());
    }

    @Test
    void untrustedValuesStayInTheirPlace() {
        open(ZoneOffset.UTC);
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        play("honest", "PC", "s", now.minusSeconds(1));
        play("ahead", "<script>alert(1)</script>", "s", now.plus(Duration.ofHours(30)));
        buy("rich", PurchaseEvent.PURCHASE, "USD", "1E+308", now.minusSeconds(1));
        buy("rich", PurchaseEvent.PURCHASE, "USD", "1E+308", now.minusSeconds(1));

        DailyKpis.Day day = DailyKpis.day(table(), calendar, calendar.dayOf(LocalDate.ofInstant(now.minusSeconds(1), ZoneOffset.UTC)), ALL);
        assertEquals(0, day(today.plusDays(1)).dau(), "an event dated a day ahead counts at its receipt, not tomorrow");
        assertEquals(1, DailyKpis.day(table(), calendar, calendar.dayOf(today), List.of("other")).dau()
                + DailyKpis.day(table(), calendar, calendar.dayOf(today.minusDays(1)), List.of("other")).dau(),
                "a made-up platform is counted as other");
        assertEquals(0, new BigDecimal("2E+308").compareTo(day.revenue().get(0).netRevenue()), "exact, no overflow");
    }
}
