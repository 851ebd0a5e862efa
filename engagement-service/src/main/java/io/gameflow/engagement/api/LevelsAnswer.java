package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.LevelMapReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Answer of {@code GET /v1/engagement/levels}. */
public record LevelsAnswer(
        @Schema(description = "Stream time: the latest event time processed; null before the first event", nullable = true)
        Instant asOf,
        @Schema(description = "Cells sorted by level_id, then map_id")
        List<LevelEngagement> levels) {

    static LevelsAnswer of(LevelMapReport report) {
        return new LevelsAnswer(report.asOf().orElse(null), report.cells().stream().map(LevelEngagement::of).toList());
    }
}
