package io.gameflow.engagement.streams.serde;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.streams.support.serde.CompactSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactSerdesTest {

    private static <T> T roundTrip(CompactSerde<T> serde, T value) {
        return serde.deserialize("t", serde.serialize("t", value));
    }

    @Test
    void aPlayerStateComesBackEqualWithNullPositionAndNonAsciiIds() {
        PlayerState state = new PlayerState("spieler_ü", "PC", "s-1", 1_000, 2_000, 7, "level_02", null, 1_500, 3,
                true, false, List.of("level_01", "level_02"), true);

        assertEquals(state, roundTrip(CompactSerdes.PLAYER_STATE, state));
    }

    @Test
    void aStringLongerThanDataOutputsSixtyFourKibLimitComesBack() {
        String huge = "x".repeat(70_000);
        ActivePlayer player = new ActivePlayer(huge, Long.MAX_VALUE, 0b1011);

        assertEquals(player, roundTrip(CompactSerdes.ACTIVE_PLAYER, player));
    }

    @Test
    void playerLevelsComeBackEqual() {
        PlayerLevels levels = new PlayerLevels(Map.of("level_01", 5L, "level_02", Long.MIN_VALUE), List.of("level_01"));

        assertEquals(levels, roundTrip(CompactSerdes.PLAYER_LEVELS, levels));
        assertEquals(PlayerLevels.NONE, roundTrip(CompactSerdes.PLAYER_LEVELS, PlayerLevels.NONE));
    }

    @Test
    void levelMapStatsComeBackEqualWithOrWithoutEventTypes() {
        LevelMapStats cell = new LevelMapStats("level_01", "map_02", 12, 3, 99_000, Map.of("move", 10L, "fail", 2L));
        assertEquals(cell, roundTrip(CompactSerdes.LEVEL_MAP_STATS, cell));
        LevelMapStats empty = LevelMapStats.empty("level_01", "map_02");
        assertEquals(empty, roundTrip(CompactSerdes.LEVEL_MAP_STATS, empty));
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(CompactSerdes.PLAYER_STATE.serialize("t", null));
        assertNull(CompactSerdes.PLAYER_STATE.deserialize("t", null));
    }

    @Test
    void aValueFromANewerVersionOrCutShortIsRefusedByName() {
        byte[] bytes = CompactSerdes.ACTIVE_PLAYER.serialize("t", new ActivePlayer("PC", 1, 1));
        byte[] newer = bytes.clone();
        newer[0] = 2;
        SerializationException fromTheFuture = assertThrows(SerializationException.class,
                () -> CompactSerdes.ACTIVE_PLAYER.deserialize("t", newer));
        assertTrue(fromTheFuture.getMessage().contains("ActivePlayer written as version 2"), fromTheFuture.getMessage());

        SerializationException cut = assertThrows(SerializationException.class,
                () -> CompactSerdes.ACTIVE_PLAYER.deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(cut.getMessage().contains("unreadable ActivePlayer"), cut.getMessage());

        byte[] levels = CompactSerdes.PLAYER_LEVELS.serialize("t", new PlayerLevels(Map.of(), List.of("level_01")));
        assertThrows(SerializationException.class,
                () -> CompactSerdes.PLAYER_LEVELS.deserialize("t", Arrays.copyOf(levels, levels.length - 1)),
                "a value cut inside its last string is refused, not read short");
    }
}
