package io.gameflow.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventValidator;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.WorldSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameWorldTest {

    private static final WorldSettings SETTINGS = WorldSettings.plain(7, 50, 5, 3);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<String> run(WorldSettings settings, int n) {
        GameWorld world = new GameWorld(settings);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EventJson.write(world.next(T0.plusMillis(i * 10L)).event()));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertEquals(run(SETTINGS, 2000), run(SETTINGS, 2000));
        assertNotEquals(run(SETTINGS, 200), run(WorldSettings.plain(8, 50, 5, 3), 200));
    }

    @Test
    void everyEventIsValidAndKeyedPerTheContract() {
        GameWorld world = new GameWorld(SETTINGS);
        EventValidator validator = new EventValidator();
        Map<EventKind, Integer> perKind = new EnumMap<>(EventKind.class);
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            GeneratedEvent event = world.next(Instant.now());
            JsonNode json = EventJson.mapper().valueToTree(event.event());
            assertEquals(List.of(), validator.validate(json), json::toString);
            assertEquals(event.kind().keyOf(json), event.key());
            perKind.merge(event.kind(), 1, Integer::sum);
            if (event.kind() == EventKind.PLAYER_ACTION) {
                cells.add(json.at("/parameters/level_id").asText() + "/" + json.at("/parameters/map_id").asText());
            }
        }
        assertEquals(Set.of(EventKind.PLAYER_ACTION, EventKind.TRANSACTION), perKind.keySet(), perKind::toString);
        assertTrue(perKind.get(EventKind.PLAYER_ACTION) > 10 * perKind.get(EventKind.TRANSACTION));
        assertTrue(cells.size() > 3, () -> "players should move through several maps: " + cells);
    }

    @Test
    void levelCompleteIsReportedOnTheLastMapOfTheLevel() {
        GameWorld world = new GameWorld(SETTINGS);
        for (int i = 0; i < 20_000; i++) {
            GeneratedEvent event = world.next(EventKind.PLAYER_ACTION, T0);
            JsonNode json = EventJson.mapper().valueToTree(event.event());
            if ("level_complete".equals(json.at("/parameters/event_type").asText())) {
                assertEquals("map_03", json.at("/parameters/map_id").asText());
            }
        }
    }

    @Test
    void anHonestPlayerPaysInOneCurrency() {
        GameWorld world = new GameWorld(SETTINGS);
        Map<String, Set<String>> currencies = new java.util.HashMap<>();
        for (int i = 0; i < 5000; i++) {
            JsonNode json = EventJson.mapper().valueToTree(world.next(EventKind.TRANSACTION, T0).event());
            currencies.computeIfAbsent(json.at("/user_data/user_id").asText(), u -> new HashSet<>())
                    .add(json.at("/parameters/currency").asText());
        }
        assertTrue(currencies.values().stream().allMatch(set -> set.size() == 1), currencies::toString);
        assertEquals(3, currencies.values().stream().flatMap(Set::stream).distinct().count());
    }
}
