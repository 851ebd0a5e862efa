package io.gameflow.engagement.domain;

import io.gameflow.events.PlayerEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of a player event that level/map engagement needs. Kept small on purpose: it is what crosses the
 * repartition topic, so every field here costs bytes per event.
 *
 * @param eventTimeMs event time in epoch milliseconds (millis, not {@code Instant}: the contract's mapper has no
 *                    java.time module, and Kafka record timestamps are millis anyway)
 */
@RegisterForReflection
public record LevelMapVisit(String playerId, String levelId, String mapId, String eventType, long eventTimeMs) {

    public static LevelMapVisit of(PlayerEvent event) {
        PlayerEvent.Parameters p = event.parameters();
        return new LevelMapVisit(p.playerId(), p.levelId(), p.mapId(), p.eventType(), event.eventTime().toEpochMilli());
    }
}
