package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A step of one player through one level, for the level funnel: the first event there ({@value #ENTERED}), the
 * first {@code level_complete} of it ({@value #COMPLETED}, with the time it took since entering), or a session that
 * ended there uncompleted ({@value #DROPPED}).
 */
@RegisterForReflection
public record LevelEvent(String levelId, String playerId, String kind, long durationMs) {

    public static final String ENTERED = "entered";
    public static final String COMPLETED = "completed";
    public static final String DROPPED = "dropped";

    public static LevelEvent droppedOff(EngagementAlert alert) {
        return new LevelEvent(alert.levelId(), alert.playerId(), DROPPED, 0);
    }
}
