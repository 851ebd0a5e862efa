package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything the per-player analytics keep about one player, in one store value, so that each event reads and writes
 * a player once: the session and position ({@link PlayerState}), the active-player windows they are counted in
 * ({@link ActivePlayer}) and the levels they entered and completed ({@link PlayerLevels}). A part is null until the
 * player's first admitted event sets it.
 */
@RegisterForReflection
public record TrackedPlayer(PlayerState session, ActivePlayer active, PlayerLevels levels) {

    public static final TrackedPlayer NEW = new TrackedPlayer(null, null, PlayerLevels.NONE);

    public TrackedPlayer withSession(PlayerState session) {
        return new TrackedPlayer(session, active, levels);
    }

    public TrackedPlayer withActive(ActivePlayer active) {
        return new TrackedPlayer(session, active, levels);
    }
}
