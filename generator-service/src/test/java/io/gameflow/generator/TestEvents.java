package io.gameflow.generator;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.UserData;
import io.gameflow.generator.domain.GeneratedEvent;

import java.time.Instant;

/** Hand-made events for tests of what happens to them after the world made them. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A move of {@code player} at {@code at}, keyed by the player as the world keys it. */
    public static GeneratedEvent action(String player, Instant at) {
        return new GeneratedEvent(EventKind.PLAYER_ACTION, player,
                new PlayerEvent(new PlayerEvent.Parameters(player, "session_1", "move", "level_01", "map_01"), at,
                        new UserData(player, "PC")));
    }
}
