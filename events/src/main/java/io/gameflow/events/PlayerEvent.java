package io.gameflow.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.time.Instant;
import java.util.Map;

/** A player action: a move, an interaction or a level completion, on a level and map. Topic {@code player-events}. */
public record PlayerEvent(String eventName, Parameters parameters, String eventTimestamp, UserData userData,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String LEVEL_COMPLETE = "level_complete";

    public PlayerEvent {
        extra = Extra.copy(extra);
    }

    public PlayerEvent(Parameters parameters, Instant eventTime, UserData userData) {
        this(EventKind.PLAYER_ACTION.eventName(), parameters, eventTime.toString(), userData, Map.of());
    }

    public Instant eventTime() {
        return EventTimes.parse(eventTimestamp);
    }

    public record Parameters(String playerId, String sessionId, String eventType, String levelId, String mapId,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Parameters {
            extra = Extra.copy(extra);
        }

        public Parameters(String playerId, String sessionId, String eventType, String levelId, String mapId) {
            this(playerId, sessionId, eventType, levelId, mapId, Map.of());
        }
    }
}
