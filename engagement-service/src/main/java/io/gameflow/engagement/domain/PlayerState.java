package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One player as the player analytics keep them: the open session (id, start, latest event, events so far), the
 * position (level and map of the latest event) since when and with how many events there, whether its level was
 * completed since the player got there, whether the stuck alert of that position was sent, and the levels the
 * player has completed. Times in epoch ms of event time.
 */
@RegisterForReflection
public record PlayerState(String playerId, String platform, String sessionId, long sessionStart, long lastEvent,
                          long sessionEvents, String levelId, String mapId, long positionSince, long eventsAtPosition,
                          boolean positionCompleted, boolean stuckReported, List<String> completedLevels, boolean open) {

    public boolean completed(String level) {
        return completedLevels.contains(level);
    }

    /** The same player once the session ended: remembered for the levels completed, counted nowhere as playing. */
    public PlayerState closed() {
        return new PlayerState(playerId, platform, sessionId, sessionStart, lastEvent, sessionEvents, levelId, mapId,
                positionSince, eventsAtPosition, positionCompleted, stuckReported, completedLevels, false);
    }
}
