package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.LevelMapStats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The hotspots: cells ranked by drop-off rate, highest first, then by stuck players, highest first; see
 * docs/definitions.md, "Hotspots".
 */
public final class DropOffRanking {

    static final Comparator<Hotspot> WORST_FIRST = Comparator.comparingDouble(Hotspot::dropOffRate).reversed()
            .thenComparing(Comparator.comparingLong(Hotspot::stuckPlayers).reversed());

    private DropOffRanking() {
    }

    /** The {@code limit} worst cells, each with its alerts from {@code alertsByCell} (keyed by cell key). */
    public static List<Hotspot> worstFirst(List<LevelMapStats> cells, Map<String, CellAlerts> alertsByCell, int limit) {
        return cells.stream()
                .map(cell -> Hotspot.of(cell, CellAlerts.at(alertsByCell, cell.levelId(), cell.mapId())))
                .sorted(WORST_FIRST)
                .limit(limit)
                .toList();
    }
}
