package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.LevelMapStats;

/** One {@code (level_id, map_id)} cell of the answer: how many events and how many distinct players it had. */
public record LevelEngagement(String levelId, String mapId, long events, long players) {

    static LevelEngagement of(LevelMapStats stats) {
        return new LevelEngagement(stats.levelId(), stats.mapId(), stats.events(), stats.players());
    }
}
