package io.gameflow.engagement.domain;

import io.gameflow.events.PlayerEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the player analytics need of one player event; event time in epoch ms. */
@RegisterForReflection
public record PlayerAction(String playerId, String sessionId, String eventType, String levelId, String mapId,
                           String platform, long eventTimeMs) {

    public static PlayerAction of(PlayerEvent event) {
        PlayerEvent.Parameters p = event.parameters();
        return new PlayerAction(p.playerId(), p.sessionId(), p.eventType(), p.levelId(), p.mapId(),
                event.userData() == null ? null : event.userData().platform(), event.eventTime().toEpochMilli());
    }

    /** The same action counted at {@code timeMs} (see {@code ClockSkew}: an event dated too far ahead counts when it arrived). */
    public PlayerAction at(long timeMs) {
        return new PlayerAction(playerId, sessionId, eventType, levelId, mapId, platform, timeMs);
    }

    public boolean completesLevel() {
        return PlayerEvent.LEVEL_COMPLETE.equals(eventType);
    }
}
