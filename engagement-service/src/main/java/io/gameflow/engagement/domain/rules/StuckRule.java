package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.PlayerState;

import java.time.Duration;
import java.util.Optional;

/**
 * Stuck player: at one level and map of the current session for at least {@code minEvents} events and
 * {@code after} of event time, without completing that level there; reported once per position and session. See
 * docs/definitions.md, "Stuck player".
 */
public final class StuckRule {

    private final int minEvents;
    private final Duration after;

    public StuckRule(int minEvents, Duration after) {
        this.minEvents = minEvents;
        this.after = after;
    }

    /** Whether the player is stuck at their position, reported or not. */
    public boolean holds(PlayerState player) {
        return player.eventsAtPosition() >= minEvents
                && player.lastEvent() - player.positionSince() >= after.toMillis()
                && !player.positionCompleted();
    }

    /** The {@code player_stuck} alert to send at {@code at}, unless the player is not stuck or it was sent already. */
    public Optional<EngagementAlert> check(PlayerState player, long at) {
        if (player.stuckReported() || !holds(player)) {
            return Optional.empty();
        }
        return Optional.of(EngagementAlert.of(EngagementAlert.STUCK, player, at));
    }
}
