package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the levels answer shows: the cells in answer order, and the stream time they are valid at.
 *
 * @param asOf the latest event time processed over all cells, empty before the first event; taken before the
 *             level filter, because it is the service's clock, not a property of the selected cells
 */
@RegisterForReflection
public record LevelMapReport(Optional<Instant> asOf, List<LevelMapStats> cells) {

    /** @param levelId only cells of this level, or all when null */
    public static LevelMapReport of(Iterable<LevelMapStats> all, String levelId) {
        long latest = Long.MIN_VALUE;
        List<LevelMapStats> selected = new ArrayList<>();
        for (LevelMapStats stats : all) {
            latest = Math.max(latest, stats.lastEventMs());
            if (levelId == null || levelId.equals(stats.levelId())) {
                selected.add(stats);
            }
        }
        selected.sort(LevelMapStats.BY_LEVEL_THEN_MAP);
        Optional<Instant> asOf = latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
        return new LevelMapReport(asOf, List.copyOf(selected));
    }
}
