package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.LevelMapStats;

/** One level/map pair: its distinct players and events, drop-offs and their rate, players found stuck. */
public record Hotspot(String levelId, String mapId, long players, long events, long dropOffs, double dropOffRate,
                      long stuckPlayers) {

    public static Hotspot of(LevelMapStats cell, CellAlerts alerts) {
        long dropOffs = alerts.dropOffs();
        return new Hotspot(cell.levelId(), cell.mapId(), cell.players(), cell.events(), dropOffs,
                DropOffRule.rate(dropOffs, cell.players()), alerts.stuck());
    }
}
