package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One record of {@code engagement-alerts}, keyed by player: {@code player_stuck} (at a level and map since
 * {@code since}, with {@code events} events there) or {@code player_dropped_off} (the session ended at {@code at}
 * with the level of its last event not completed). Times are event times; {@code alertId} is derived from type,
 * player, session, level and map, so a replay gives the same id.
 */
@RegisterForReflection
public record EngagementAlert(String alertId, String type, String playerId, String sessionId, String levelId,
                              String mapId, String platform, String since, String at, long events) {

    public static final String STUCK = "player_stuck";
    public static final String DROPPED_OFF = "player_dropped_off";

    public static EngagementAlert of(String type, PlayerState player, long at) {
        String name = type + "|" + player.playerId() + "|" + player.sessionId() + "|" + player.levelId() + "|" + player.mapId();
        return new EngagementAlert(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), type,
                player.playerId(), player.sessionId(), player.levelId(), player.mapId(), player.platform(),
                Instant.ofEpochMilli(player.positionSince()).toString(), Instant.ofEpochMilli(at).toString(),
                player.eventsAtPosition());
    }
}
