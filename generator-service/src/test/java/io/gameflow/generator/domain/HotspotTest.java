package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a fixed seed, what the analytics should find is in the events themselves: the hotspot has several times the
 * drop-offs of an ordinary map (by docs/definitions.md: a session that ends while its level is not completed
 * counts for the map of its last event), and the players the truth calls stuck stay there, failing.
 */
class HotspotTest {

    private static final String HOTSPOT = "level_03/map_02";
    private static final WorldSettings SETTINGS = new WorldSettings(42, 2000, 200, 5, 3, List.of(HOTSPOT), 0.2);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theHotspotHasSeveralTimesTheDropOffsOfAnOrdinaryMap() {
        GameWorld world = new GameWorld(SETTINGS);
        Map<String, PlayerEvent> lastOfSession = new LinkedHashMap<>();
        Map<String, String> sessionOfPlayer = new HashMap<>();
        Map<String, Integer> dropOffs = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            PlayerEvent event = (PlayerEvent) world.next(EventKind.PLAYER_ACTION, T0.plusMillis(20L * i)).event();
            String player = event.parameters().playerId();
            String session = event.parameters().sessionId();
            String previous = sessionOfPlayer.put(player, session);
            if (previous != null && !previous.equals(session)) {
                // the previous session has ended: a drop-off unless its last event completed the level
                PlayerEvent last = lastOfSession.remove(previous);
                if (!PlayerEvent.LEVEL_COMPLETE.equals(last.parameters().eventType())) {
                    dropOffs.merge(last.parameters().levelId() + "/" + last.parameters().mapId(), 1, Integer::sum);
                }
            }
            lastOfSession.put(session, event);
        }
        int hotspot = dropOffs.getOrDefault(HOTSPOT, 0);
        List<Integer> ordinary = dropOffs.entrySet().stream().filter(e -> !e.getKey().equals(HOTSPOT))
                .map(Map.Entry::getValue).sorted().toList();
        int median = ordinary.get(ordinary.size() / 2);
        assertTrue(hotspot >= 3 * median, "hotspot " + hotspot + " drop-offs, ordinary median " + median + ": " + dropOffs);
    }

    @Test
    void theStuckPlayersOfTheTruthStayWhereTheTruthSaysFailing() {
        GameWorld world = new GameWorld(SETTINGS);
        Map<String, List<PlayerEvent>> eventsOfSession = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            PlayerEvent event = (PlayerEvent) world.next(EventKind.PLAYER_ACTION, T0.plusMillis(20L * i)).event();
            eventsOfSession.computeIfAbsent(event.parameters().sessionId(), s -> new java.util.ArrayList<>()).add(event);
        }
        List<StuckPlayer> stuck = world.stuckPlayers();
        assertFalse(stuck.isEmpty());
        assertEquals(stuck.size(), world.stuckTotal());
        Set<String> places = new HashSet<>();
        for (StuckPlayer player : stuck) {
            places.add(player.levelId() + "/" + player.mapId());
            List<PlayerEvent> after = eventsOfSession.get(player.sessionId()).stream()
                    .filter(e -> e.eventTime().isAfter(player.since())).toList();
            // at least ten events there, all failures at the hotspot (unless the run ended first)
            assertTrue(after.stream().allMatch(e -> (e.parameters().levelId() + "/" + e.parameters().mapId()).equals(HOTSPOT)
                    && e.parameters().eventType().equals(Player.FAIL)), player.toString());
        }
        assertEquals(Set.of(HOTSPOT), places);
        long longStuck = stuck.stream().filter(p -> eventsOfSession.get(p.sessionId()).stream()
                .filter(e -> e.eventTime().isAfter(p.since())).count() >= 10).count();
        assertTrue(longStuck >= stuck.size() / 2, longStuck + " of " + stuck.size() + " stuck players with 10+ events");
    }

    @Test
    void aHotspotOutsideTheWorldIsRefused() {
        WorldSettings settings = new WorldSettings(1, 10, 5, 5, 3, List.of("level_09/map_01"), 0.2);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GameWorld(settings))
                .getMessage().contains("level_NN/map_NN"));
    }
}
