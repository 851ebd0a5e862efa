package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.PlayerState;

import java.util.Optional;

/**
 * Drop-off: a session that ends while the player has never completed the level of their position; see
 * docs/definitions.md, "Drop-off". {@link DropOffRanking} ranks the cells by it.
 */
public final class DropOffRule {

    private DropOffRule() {
    }

    /** The {@code player_dropped_off} alert of a session that ends in {@code ending}, at its latest event; or none. */
    public static Optional<EngagementAlert> check(PlayerState ending) {
        if (ending.completed(ending.levelId())) {
            return Optional.empty();
        }
        return Optional.of(EngagementAlert.of(EngagementAlert.DROPPED_OFF, ending, ending.lastEvent()));
    }

    /** Drop-offs per player (0 without players); above 1 when players drop off more than once. */
    public static double rate(long dropOffs, long players) {
        return players == 0 ? 0 : (double) dropOffs / players;
    }
}
