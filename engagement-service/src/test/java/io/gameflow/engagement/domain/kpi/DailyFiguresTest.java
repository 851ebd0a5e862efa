package io.gameflow.engagement.domain.kpi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The counters {@link DailyFigures} keeps, checked against the definitions computed the slow way from every player's
 * whole set of days, for random players whose days arrive out of order as a grace allows.
 */
class DailyFiguresTest {

    private static final String P = "PC";

    @Test
    void countersEqualTheDefinitionsComputedFromEveryPlayersDays() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            Map<String, Long> counts = new HashMap<>();
            List<TreeSet<Integer>> everyDays = new ArrayList<>();
            for (int player = 0; player < 40; player++) {
                TreeSet<Integer> days = new TreeSet<>();
                ActiveDays state = null;
                int latest = 100 + random.nextInt(20);
                for (int event = 0; event < 1 + random.nextInt(30); event++) {
                    // mostly forward, sometimes a jump of days or weeks, sometimes a day or two back (a late event)
                    int step = random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(10) < 8 ? random.nextInt(40) : -random.nextInt(3);
                    int day = Math.max(0, latest + step);
                    latest = Math.max(latest, day);
                    if (state != null && !state.canTell(day)) {
                        continue;
                    }
                    state = DailyFigures.playerActive(state, day, P, (key, delta) -> counts.merge(key, delta, Long::sum));
                    days.add(day);
                }
                everyDays.add(days);
            }
            KpiTable table = new KpiTable(new KpiParts(counts, Map.of(), null, null));
            for (int d = 90; d < 260; d++) {
                assertEquals(players(everyDays, d, 1), count(counts, KpiKeys.figure(d, P, KpiKeys.DAU)), "DAU of day " + d);
                assertEquals(players(everyDays, d, 7), table.count(d, List.of(P), KpiKeys.WAU), "WAU of day " + d);
                assertEquals(players(everyDays, d, 30), table.count(d, List.of(P), KpiKeys.MAU), "MAU of day " + d);
                int cohort = d;
                long newPlayers = everyDays.stream().filter(days -> days.first() == cohort).count();
                assertEquals(newPlayers, count(counts, KpiKeys.figure(d, P, KpiKeys.NEW)), "new players of day " + d);
                for (int n = 0; n <= DailyFigures.RETENTION_DAYS; n++) {
                    int offset = n;
                    long retained = everyDays.stream().filter(days -> days.first() == cohort && days.contains(cohort + offset)).count();
                    assertEquals(retained, count(counts, KpiKeys.retained(d, P, n)), "D" + n + " of cohort " + d);
                }
            }
        }
    }

    private static long players(List<TreeSet<Integer>> everyDays, int day, int window) {
        return everyDays.stream().filter(days -> !days.subSet(day - window + 1, true, day, true).isEmpty()).count();
    }

    private static long count(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }

    @Test
    void aPlayerActiveOnDayZeroAndDaySevenOnlyIsRetainedOnDaySevenAndNotOnDayOne() {
        Map<String, Long> counts = new HashMap<>();
        DailyFigures.Counts sink = (key, delta) -> counts.merge(key, delta, Long::sum);
        ActiveDays days = DailyFigures.playerActive(null, 100, P, sink);
        days = DailyFigures.playerActive(days, 107, P, sink);
        assertEquals(1, count(counts, KpiKeys.retained(100, P, 0)));
        assertEquals(0, count(counts, KpiKeys.retained(100, P, 1)));
        assertEquals(1, count(counts, KpiKeys.retained(100, P, 7)));
        assertEquals(1, count(counts, KpiKeys.figure(100, P, KpiKeys.NEW)));
        assertEquals(0, count(counts, KpiKeys.figure(107, P, KpiKeys.NEW)), "a returning player is not new");
        KpiTable table = new KpiTable(new KpiParts(counts, Map.of(), null, null));
        assertEquals(1, table.count(106, List.of(P), KpiKeys.WAU), "day 0 is within the week ending with day 6");
        assertEquals(1, table.count(107, List.of(P), KpiKeys.WAU));
        assertEquals(0, table.count(99, List.of(P), KpiKeys.WAU));
        assertEquals(1, table.count(136, List.of(P), KpiKeys.MAU), "day 7 keeps them in the month up to day 36");
        assertEquals(0, table.count(137, List.of(P), KpiKeys.MAU));
        assertEquals(6, counts.keySet().stream().filter(KpiKeys::isRunningSum).count(),
                "two changes per covered run: day 0's week and month, day 7's week, day 7's month from day 30 on");
        assertSame(days, DailyFigures.playerActive(days, 107, P, sink), "a second event of a counted day changes nothing");
    }

    @Test
    void aLateEventBeforeThePlayersFirstDayMovesThemToTheEarlierCohort() {
        Map<String, Long> counts = new HashMap<>();
        DailyFigures.Counts sink = (key, delta) -> counts.merge(key, delta, Long::sum);
        ActiveDays days = DailyFigures.playerActive(null, 101, P, sink);
        days = DailyFigures.playerActive(days, 100, P, sink);
        assertEquals(100, days.first());
        assertEquals(0, count(counts, KpiKeys.figure(101, P, KpiKeys.NEW)));
        assertEquals(0, count(counts, KpiKeys.retained(101, P, 0)));
        assertEquals(1, count(counts, KpiKeys.figure(100, P, KpiKeys.NEW)));
        assertEquals(1, count(counts, KpiKeys.retained(100, P, 0)));
        assertEquals(1, count(counts, KpiKeys.retained(100, P, 1)));
    }

    @Test
    void aPayerIsCountedOncePerDayAndAFirstTimePayerOnTheirFirstDayEvenWhenItArrivesLate() {
        Map<String, Long> counts = new HashMap<>();
        DailyFigures.Counts sink = (key, delta) -> counts.merge(key, delta, Long::sum);
        ActiveDays payer = DailyFigures.payerPurchase(null, 101, P, "USD", sink);
        payer = DailyFigures.payerPurchase(payer, 101, P, "USD", sink);
        payer = DailyFigures.payerPurchase(payer, 100, P, "USD", sink);
        payer = DailyFigures.payerPurchase(payer, 102, P, "USD", sink);
        assertEquals(1, count(counts, KpiKeys.money(101, P, "USD", KpiKeys.PAYERS)));
        assertEquals(1, count(counts, KpiKeys.money(100, P, "USD", KpiKeys.PAYERS)));
        assertEquals(1, count(counts, KpiKeys.money(102, P, "USD", KpiKeys.PAYERS)));
        assertEquals(1, count(counts, KpiKeys.money(100, P, "USD", KpiKeys.FIRST_TIME_PAYERS)));
        assertEquals(0, count(counts, KpiKeys.money(101, P, "USD", KpiKeys.FIRST_TIME_PAYERS)));
        assertEquals(0, count(counts, KpiKeys.money(102, P, "USD", KpiKeys.FIRST_TIME_PAYERS)));
        assertEquals(100, payer.first());
    }

    @Test
    void activeDaysKeepTheLastSixtyFourDaysAndSayWhichDaysTheyCanTell() {
        ActiveDays days = ActiveDays.firstOn(10).with(12).with(11);
        assertEquals(true, days.on(10) && days.on(11) && days.on(12));
        assertEquals(false, days.on(9) || days.on(13));
        ActiveDays later = days.with(12 + 63);
        assertEquals(true, later.on(12) && later.on(75), "day 12 is the oldest of the 64");
        assertEquals(false, later.on(11));
        assertEquals(10, later.first(), "the first day is kept whatever the bitmap forgets");
        assertEquals(true, later.canTell(75 - 33));
        assertEquals(false, later.canTell(75 - 34), "30 days either side must be inside the 64");
        assertEquals(ActiveDays.firstOn(500), ActiveDays.firstOn(500).with(500));
        ActiveDays jumped = days.with(10_000);
        assertEquals(1L, jumped.bits(), "a jump past the span forgets every earlier day");
    }
}
