package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Engagement of one {@code (level_id, map_id)} cell: events (also by event type), distinct players, and the latest
 * event time seen,
 * from which the answer's {@code as_of} (stream time) is derived.
 */
@RegisterForReflection
public record LevelMapStats(String levelId, String mapId, long events, long players, long lastEventMs,
                            Map<String, Long> eventsByType) {

    /** Event types come from clients: past this many distinct ones per cell, the rest count as "other". */
    static final int MAX_EVENT_TYPES = 20;

    /** The order of the REST answer: by level, then map. */
    public static final Comparator<LevelMapStats> BY_LEVEL_THEN_MAP =
            Comparator.comparing(LevelMapStats::levelId).thenComparing(LevelMapStats::mapId);

    public static LevelMapStats empty(String levelId, String mapId) {
        return new LevelMapStats(levelId, mapId, 0, 0, Long.MIN_VALUE, Map.of());
    }

    /**
     * @param firstOfPlayer whether this is the player's first event on this cell
     * @param eventTimeMs   kept as a maximum, so a late (out-of-order) event never moves time backwards
     * @param eventType     counted per type
     */
    public LevelMapStats plus(boolean firstOfPlayer, long eventTimeMs, String eventType) {
        Map<String, Long> types = new TreeMap<>(eventsByType == null ? Map.of() : eventsByType);
        countType(types, eventType, 1);
        return new LevelMapStats(levelId, mapId, events + 1, firstOfPlayer ? players + 1 : players,
                Math.max(lastEventMs, eventTimeMs), Map.copyOf(types));
    }

    /**
     * These counts with those of {@code more}, the same cell's events since (a task's events of one commit
     * interval): events and new players added up, the latest event time kept, event types counted under the same cap.
     */
    public LevelMapStats plus(LevelMapStats more) {
        Map<String, Long> types = new TreeMap<>(eventsByType == null ? Map.of() : eventsByType);
        new TreeMap<>(more.eventsByType() == null ? Map.<String, Long>of() : more.eventsByType())
                .forEach((type, count) -> countType(types, type, count));
        return new LevelMapStats(levelId, mapId, events + more.events(), players + more.players(),
                Math.max(lastEventMs, more.lastEventMs()), Map.copyOf(types));
    }

    private static void countType(Map<String, Long> types, String eventType, long count) {
        String type = types.containsKey(eventType) || types.size() < MAX_EVENT_TYPES ? eventType : "other";
        types.merge(type, count, Long::sum);
    }
}
