package io.gameflow.engagement.streams.serde;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.engagement.domain.kpi.ActiveDays;
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

    private static final PlayerState SESSION = new PlayerState("spieler_ü", "PC", "s-1", 1_000, 2_000, 7, "level_02",
            null, 1_500, 3, true, false, List.of("level_01", "level_02"), true);

    @Test
    void aTrackedPlayerComesBackEqualWithNullPositionAndNonAsciiIds() {
        TrackedPlayer player = new TrackedPlayer(SESSION, new ActivePlayer("PC", 2_000, 0b0101),
                new PlayerLevels(Map.of("level_01", 5L, "level_02", Long.MIN_VALUE), List.of("level_01")),
                new ActiveDays(20_400, 20_423, 0x8000_0000_0000_0001L));

        assertEquals(player, roundTrip(CompactSerdes.TRACKED_PLAYER, player));
    }

    @Test
    void aPlayerWrittenBeforeTheKpisComesBackWithoutDays() {
        TrackedPlayer player = new TrackedPlayer(SESSION, null, PlayerLevels.NONE, ActiveDays.firstOn(1));
        byte[] current = CompactSerdes.TRACKED_PLAYER.serialize("t", player);
        // version 1 is the same fields without the days' presence flag and fields (1 + 4 + 4 + 8 bytes at the end)
        byte[] version1 = Arrays.copyOf(current, current.length - 17);
        version1[0] = 1;
        assertEquals(new TrackedPlayer(SESSION, null, PlayerLevels.NONE, null),
                CompactSerdes.TRACKED_PLAYER.deserialize("t", version1));
    }


    @Test
    void aTrackedPlayerWithoutASessionOrActiveWindowsComesBackEqual() {
        assertEquals(TrackedPlayer.NEW, roundTrip(CompactSerdes.TRACKED_PLAYER, TrackedPlayer.NEW));
        TrackedPlayer closedOnly = new TrackedPlayer(SESSION.closed(), null, PlayerLevels.NONE, null);
        assertEquals(closedOnly, roundTrip(CompactSerdes.TRACKED_PLAYER, closedOnly));
    }

    @Test
    void aStringLongerThanDataOutputsSixtyFourKibLimitComesBack() {
        String huge = "x".repeat(70_000);
        TrackedPlayer player = new TrackedPlayer(null, new ActivePlayer(huge, Long.MAX_VALUE, 0b1011), PlayerLevels.NONE, null);

        assertEquals(player, roundTrip(CompactSerdes.TRACKED_PLAYER, player));
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
        assertNull(CompactSerdes.TRACKED_PLAYER.serialize("t", null));
        assertNull(CompactSerdes.TRACKED_PLAYER.deserialize("t", null));
    }

    @Test
    void aValueFromANewerVersionOrCutShortIsRefusedByName() {
        byte[] bytes = CompactSerdes.TRACKED_PLAYER.serialize("t", new TrackedPlayer(null, new ActivePlayer("PC", 1, 1),
                new PlayerLevels(Map.of(), List.of("level_01")), null));
        byte[] newer = bytes.clone();
        newer[0] = 3;
        SerializationException fromTheFuture = assertThrows(SerializationException.class,
                () -> CompactSerdes.TRACKED_PLAYER.deserialize("t", newer));
        assertTrue(fromTheFuture.getMessage().contains("TrackedPlayer written as version 3"), fromTheFuture.getMessage());

        SerializationException cut = assertThrows(SerializationException.class,
                () -> CompactSerdes.TRACKED_PLAYER.deserialize("t", Arrays.copyOf(bytes, 5)));
        assertTrue(cut.getMessage().contains("unreadable TrackedPlayer"), cut.getMessage());

        assertThrows(SerializationException.class,
                () -> CompactSerdes.TRACKED_PLAYER.deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)),
                "a value cut inside its last string is refused, not read short");
    }
}
