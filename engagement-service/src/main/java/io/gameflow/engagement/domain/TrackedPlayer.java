package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything the per-player analytics keep about one player, in one store value, so that each event reads and writes
 * a player once: the session and position ({@link PlayerState}), the active-player windows they are counted in
 * ({@link ActivePlayer}), the levels they entered and completed ({@link PlayerLevels}) and the days they were
 * counted on in the studio KPIs ({@link ActiveDays}). A part is null until the player's first admitted event sets it
 * (the days stay null while every event of the player fell on a day already final).
 */
@RegisterForReflection
public record TrackedPlayer(PlayerState session, ActivePlayer active, PlayerLevels levels, ActiveDays days) {

    public static final TrackedPlayer NEW = new TrackedPlayer(null, null, PlayerLevels.NONE, null);

    public TrackedPlayer withSession(PlayerState session) {
        return new TrackedPlayer(session, active, levels, days);
    }

    public TrackedPlayer withActive(ActivePlayer active) {
        return new TrackedPlayer(session, active, levels, days);
    }
}
