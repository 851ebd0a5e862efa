package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answer of {@code GET /v1/engagement/levels}. */
public record LevelsAnswer(
        @Schema(description = "Stream time: the latest event time processed; null before the first event", nullable = true)
        Instant asOf,
        @Schema(description = "Cells sorted by level_id, then map_id")
        List<LevelEngagement> levels) {

    static LevelsAnswer of(LevelMapReport report, Map<String, CellNow> now, Map<String, CellAlerts> alerts) {
        return new LevelsAnswer(report.asOf().orElse(null), report.cells().stream()
                .map(cell -> LevelEngagement.of(cell, now.get(LevelMapKeys.cell(cell.levelId(), cell.mapId())),
                        CellAlerts.at(alerts, cell.levelId(), cell.mapId()).dropOffs()))
                .toList());
    }
}
