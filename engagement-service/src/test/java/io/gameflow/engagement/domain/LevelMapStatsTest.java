package io.gameflow.engagement.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelMapStatsTest {

    private static LevelMapStats events(String... types) {
        LevelMapStats stats = LevelMapStats.empty("L1", "M1");
        long time = 1_000;
        for (String type : types) {
            stats = stats.plus(false, time++, type);
        }
        return stats;
    }

    @Test
    void addingADeltaAddsEventsAndNewPlayersAndKeepsTheLatestTime() {
        LevelMapStats total = LevelMapStats.empty("L1", "M1").plus(true, 5_000, "move").plus(false, 6_000, "move");
        LevelMapStats delta = LevelMapStats.empty("L1", "M1").plus(true, 4_000, "fail").plus(true, 5_500, "move");

        LevelMapStats sum = total.plus(delta);

        assertEquals(4, sum.events());
        assertEquals(3, sum.players());
        assertEquals(6_000, sum.lastEventMs(), "a delta of older events does not move the time back");
        assertEquals(Map.of("move", 3L, "fail", 1L), sum.eventsByType());
    }

    @Test
    void addingADeltaIsTheSameAsCountingItsEventsOneByOne() {
        LevelMapStats oneByOne = events("move", "fail", "move", "interact");
        LevelMapStats inTwo = events("move", "fail").plus(events("move", "interact"));

        assertEquals(oneByOne.events(), inTwo.events());
        assertEquals(oneByOne.eventsByType(), inTwo.eventsByType());
    }

    @Test
    void eventTypesBeyondTheCapCountAsOtherWhenDeltasAreAdded() {
        String[] first = new String[LevelMapStats.MAX_EVENT_TYPES];
        for (int i = 0; i < first.length; i++) {
            first[i] = "type_" + (char) ('a' + i);
        }
        LevelMapStats full = events(first);

        LevelMapStats sum = full.plus(events("type_a", "invented_1", "invented_2"));

        assertEquals(LevelMapStats.MAX_EVENT_TYPES + 1, sum.eventsByType().size(), "the cap plus \"other\"");
        assertEquals(2L, sum.eventsByType().get("type_a"));
        assertEquals(2L, sum.eventsByType().get("other"));
        assertEquals(LevelMapStats.MAX_EVENT_TYPES + 3, sum.events());
    }
}
