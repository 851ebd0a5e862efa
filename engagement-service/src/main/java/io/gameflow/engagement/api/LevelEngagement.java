package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelMapStats;

import java.util.Map;

/**
 * One {@code (level_id, map_id)} cell of the answer: its events (also by event type) and distinct players since the
 * start, the players there now (in an open session) and those of them stuck there, and the drop-offs there.
 */
public record LevelEngagement(String levelId, String mapId, long events, long players, Map<String, Long> eventsByType,
                              long playersNow, long stuckNow, long dropOffs) {

    static LevelEngagement of(LevelMapStats stats) {
        return of(stats, null, 0);
    }

    static LevelEngagement of(LevelMapStats stats, CellNow now, long dropOffs) {
        return new LevelEngagement(stats.levelId(), stats.mapId(), stats.events(), stats.players(),
                stats.eventsByType() == null ? Map.of() : stats.eventsByType(),
                now == null ? 0 : now.players(), now == null ? 0 : now.stuck(), dropOffs);
    }
}
