package io.gameflow.engagement.observability;

import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded labels keep the busiest values, whatever their names: made-up values cannot push the real ones out. */
public class LabelCapTest {

    /** Twenty real ISO 4217 codes that all sort before USD, in order, as made-up traffic might use them. */
    public static final List<String> EARLY_CODES = List.of("AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN",
            "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD");
    /** The one of them a cap of 20 leaves out next to USD: the tie of one cent each is broken by name. */
    public static final String LAST_EARLY_CODE = "BSD";

    @Test
    void twentyMadeUpCurrenciesWithTinyAmountsDoNotPushUsdOut() {
        List<CurrencyRevenue> all = new ArrayList<>();
        all.add(revenue("USD", 1_000, 12_500.0));
        EARLY_CODES.forEach(code -> all.add(revenue(code, 1, 0.01)));

        List<String> shown = RevenueGauges.shown(all).stream().map(CurrencyRevenue::currency).toList();

        assertEquals(RevenueGauges.MAX_CURRENCIES, shown.size());
        assertEquals("USD", shown.get(0), "the most revenue first");
        assertFalse(shown.contains(LAST_EARLY_CODE), "the last of the tied made-up codes by name is the one left out: " + shown);
    }

    @Test
    void theBusiestCellsAndLevelsGetSeriesNotTheFirstByName() {
        List<CellNow> cells = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> cells.add(new CellNow("aaa_" + i, "map", i % 2, 0)));
        cells.add(new CellNow("zz_real", "map_03", 50, 4));
        List<LevelFunnelStats> levels = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> levels.add(new LevelFunnelStats("aaa_" + i, 1, 0, 0, List.of())));
        levels.add(new LevelFunnelStats("zz_real", 900, 300, 20, List.of()));

        List<CellNow> shownCells = LevelGauges.busiestCells(cells);
        List<LevelFunnelStats> shownLevels = LevelGauges.busiestLevels(levels);

        assertEquals(EngagementMeters.MAX_CELLS, shownCells.size());
        assertEquals("zz_real", shownCells.get(0).levelId());
        assertTrue(shownCells.stream().limit(151).allMatch(c -> c.players() > 0), "cells with players before empty ones");
        assertEquals(EngagementMeters.MAX_CELLS, shownLevels.size());
        assertEquals("zz_real", shownLevels.get(0).levelId());
    }

    @Test
    void aFloodOfMadeUpCellsCannotKeepARealOneFromItsOwnAlertCounter() {
        BusiestCells busiest = new BusiestCells(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(busiest.count("fake-" + i).labelled(), "room for the first cells, fake or not");
        }
        assertFalse(busiest.count("real").labelled(), "the cap is full: counted as other");
        BusiestCells.Counted second = busiest.count("real");
        assertTrue(second.labelled(), "more alerts than the quietest labelled cell: takes its place");
        assertEquals("fake-0", second.displaced());
        for (int i = 3; i < 10_000; i++) {
            BusiestCells.Counted fake = busiest.count("fake-" + i);
            assertTrue(fake.displaced() == null || fake.displaced().startsWith("fake-"), "never displaces the real cell");
        }
        assertTrue(busiest.count("real").labelled());
    }

    @Test
    void theAlertCounterKeysOnTheUnambiguousCellAndMovesAnOutrankedCellToOther() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngagementMeters meters = new EngagementMeters(registry);
        // "a/b" + "c" and "a" + "b/c" were one cell for the cap when the key was level + "/" + map
        meters.alert(alert("a/b", "c"));
        meters.alert(alert("a", "b/c"));
        assertEquals(1.0, counter(registry, "a/b", "c"));
        assertEquals(1.0, counter(registry, "a", "b/c"));

        for (int i = 2; i < EngagementMeters.MAX_CELLS; i++) {
            meters.alert(alert("fake_" + i, "map"));
        }
        meters.alert(alert("real", "map_01"));
        assertEquals(1.0, counter(registry, "other", "other"), "the cap is full");
        meters.alert(alert("real", "map_01"));
        assertEquals(1.0, counter(registry, "real", "map_01"), "outranks the quietest labelled cell");
        long labelledCells = registry.find(EngagementMeters.ALERTS).counters().stream()
                .map(c -> c.getId().getTag("level_id") + "\n" + c.getId().getTag("map_id"))
                .filter(cell -> !cell.equals("other\nother")).distinct().count();
        assertEquals(EngagementMeters.MAX_CELLS, labelledCells, "still at most the cap");
    }

    private static double counter(SimpleMeterRegistry registry, String level, String map) {
        Counter counter = registry.find(EngagementMeters.ALERTS).tags("type", EngagementAlert.DROPPED_OFF,
                "level_id", level, "map_id", map).counter();
        return counter == null ? 0 : counter.count();
    }

    private static EngagementAlert alert(String level, String map) {
        return new EngagementAlert("id", EngagementAlert.DROPPED_OFF, "p", "s", level, map, "PC", null, null, 1);
    }

    private static CurrencyRevenue revenue(String currency, long purchases, double amount) {
        return new CurrencyRevenue(currency, purchases, amount, 0, 0, 0, Map.of(), Map.of(), Map.of());
    }
}
