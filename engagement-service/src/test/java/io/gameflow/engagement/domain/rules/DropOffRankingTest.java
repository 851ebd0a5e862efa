package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DropOffRankingTest {

    private static LevelMapStats cell(String level, long players) {
        return new LevelMapStats(level, "map_01", players * 3, players, 0, Map.of());
    }

    private static Map.Entry<String, CellAlerts> alerts(String level, long stuck, long dropOffs) {
        return Map.entry(LevelMapKeys.cell(level, "map_01"), new CellAlerts(level, "map_01", stuck, dropOffs));
    }

    private static List<String> levels(List<Hotspot> ranked) {
        return ranked.stream().map(Hotspot::levelId).toList();
    }

    @Test
    void rankedByDropOffRateThenByStuckPlayers() {
        List<LevelMapStats> cells = List.of(cell("quiet", 10), cell("half", 4), cell("tie_stuck", 2), cell("tie", 2),
                cell("most", 1));
        Map<String, CellAlerts> found = Map.ofEntries(alerts("half", 0, 2), alerts("tie_stuck", 3, 1),
                alerts("tie", 1, 1), alerts("most", 0, 2));
        assertEquals(List.of("most", "tie_stuck", "tie", "half", "quiet"), levels(DropOffRanking.worstFirst(cells, found, 10)));
    }

    @Test
    void aCellWithoutAlertsCountsNone() {
        Hotspot only = DropOffRanking.worstFirst(List.of(cell("level_01", 5)), Map.of(), 10).get(0);
        assertEquals(new Hotspot("level_01", "map_01", 5, 15, 0, 0.0, 0), only);
    }

    @Test
    void keepsTheWorstUpToTheLimit() {
        List<LevelMapStats> cells = List.of(cell("a", 1), cell("b", 1), cell("c", 1));
        Map<String, CellAlerts> found = Map.ofEntries(alerts("a", 0, 1), alerts("b", 0, 3), alerts("c", 0, 2));
        assertEquals(List.of("b", "c"), levels(DropOffRanking.worstFirst(cells, found, 2)));
    }
}
