package io.gameflow.engagement.streams.serde;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayerStoreSerdesTest {

    private static <T> T roundTrip(CompactSerde<T> serde, T value) {
        return serde.deserialize("t", serde.serialize("t", value));
    }

    @Test
    void aPlayerStateComesBackEqualWithNullPositionAndNonAsciiIds() {
        PlayerState state = new PlayerState("spieler_ü", "PC", "s-1", 1_000, 2_000, 7, "level_02", null, 1_500, 3,
                true, false, List.of("level_01", "level_02"), true);

        assertEquals(state, roundTrip(PlayerStoreSerdes.PLAYER_STATE, state));
    }

    @Test
    void aStringLongerThanDataOutputsSixtyFourKibLimitComesBack() {
        String huge = "x".repeat(70_000);
        ActivePlayer player = new ActivePlayer(huge, Long.MAX_VALUE, 0b1011);

        assertEquals(player, roundTrip(PlayerStoreSerdes.ACTIVE_PLAYER, player));
    }

    @Test
    void playerLevelsComeBackEqual() {
        PlayerLevels levels = new PlayerLevels(Map.of("level_01", 5L, "level_02", Long.MIN_VALUE), List.of("level_01"));

        assertEquals(levels, roundTrip(PlayerStoreSerdes.PLAYER_LEVELS, levels));
        assertEquals(PlayerLevels.NONE, roundTrip(PlayerStoreSerdes.PLAYER_LEVELS, PlayerLevels.NONE));
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(PlayerStoreSerdes.PLAYER_STATE.serialize("t", null));
        assertNull(PlayerStoreSerdes.PLAYER_STATE.deserialize("t", null));
    }

    @Test
    void aValueFromANewerVersionOrCutShortIsRefusedByName() {
        byte[] bytes = PlayerStoreSerdes.ACTIVE_PLAYER.serialize("t", new ActivePlayer("PC", 1, 1));
        byte[] newer = bytes.clone();
        newer[0] = 2;
        SerializationException fromTheFuture = assertThrows(SerializationException.class,
                () -> PlayerStoreSerdes.ACTIVE_PLAYER.deserialize("t", newer));
        assertTrue(fromTheFuture.getMessage().contains("ActivePlayer written as version 2"), fromTheFuture.getMessage());

        SerializationException cut = assertThrows(SerializationException.class,
                () -> PlayerStoreSerdes.ACTIVE_PLAYER.deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(cut.getMessage().contains("unreadable ActivePlayer"), cut.getMessage());

        byte[] levels = PlayerStoreSerdes.PLAYER_LEVELS.serialize("t", new PlayerLevels(Map.of(), List.of("level_01")));
        assertThrows(SerializationException.class,
                () -> PlayerStoreSerdes.PLAYER_LEVELS.deserialize("t", Arrays.copyOf(levels, levels.length - 1)),
                "a value cut inside its last string is refused, not read short");
    }
}
