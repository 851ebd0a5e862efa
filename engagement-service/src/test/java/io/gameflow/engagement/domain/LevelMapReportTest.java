package io.gameflow.engagement.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelMapReportTest {

    private static LevelMapStats stats(String level, String map, long lastEventMs) {
        return new LevelMapStats(level, map, 1, 1, lastEventMs, Map.of("move", 1L));
    }

    @Test
    void sortsByLevelThenMap() {
        LevelMapReport report = LevelMapReport.of(List.of(
                stats("L2", "M1", 1), stats("L1", "M2", 2), stats("L1", "M1", 3)), null);

        assertEquals(List.of("L1/M1", "L1/M2", "L2/M1"),
                report.cells().stream().map(s -> s.levelId() + "/" + s.mapId()).toList());
    }

    @Test
    void filtersByLevelButKeepsTheServiceWideAsOf() {
        LevelMapReport report = LevelMapReport.of(List.of(stats("L1", "M1", 1_000), stats("L2", "M1", 5_000)), "L1");

        assertEquals(1, report.cells().size());
        assertEquals("L1", report.cells().get(0).levelId());
        assertEquals(Optional.of(Instant.ofEpochMilli(5_000)), report.asOf());
    }

    @Test
    void hasNoAsOfBeforeTheFirstEvent() {
        LevelMapReport report = LevelMapReport.of(List.of(), null);

        assertEquals(Optional.empty(), report.asOf());
        assertEquals(List.of(), report.cells());
    }

    @Test
    void countsAPlayerOnlyOnItsFirstEventAndKeepsTheLatestTime() {
        LevelMapStats stats = LevelMapStats.empty("L1", "M1").plus(true, 2_000, "move").plus(false, 1_000, "fail");

        assertEquals(new LevelMapStats("L1", "M1", 2, 1, 2_000, Map.of("move", 1L, "fail", 1L)), stats);
    }
}
