package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Comparator;

/**
 * Engagement of one {@code (level_id, map_id)} cell: events, distinct players, and the latest event time seen,
 * from which the answer's {@code as_of} (stream time) is derived.
 */
@RegisterForReflection
public record LevelMapStats(String levelId, String mapId, long events, long players, long lastEventMs) {

    /** The order of the REST answer: by level, then map. */
    public static final Comparator<LevelMapStats> BY_LEVEL_THEN_MAP =
            Comparator.comparing(LevelMapStats::levelId).thenComparing(LevelMapStats::mapId);

    public static LevelMapStats empty(String levelId, String mapId) {
        return new LevelMapStats(levelId, mapId, 0, 0, Long.MIN_VALUE);
    }

    /**
     * @param firstOfPlayer whether this is the player's first event on this cell
     * @param eventTimeMs   kept as a maximum, so a late (out-of-order) event never moves time backwards
     */
    public LevelMapStats plus(boolean firstOfPlayer, long eventTimeMs) {
        return new LevelMapStats(levelId, mapId, events + 1, firstOfPlayer ? players + 1 : players,
                Math.max(lastEventMs, eventTimeMs));
    }
}
