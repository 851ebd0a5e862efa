package io.gameflow.engagement.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;

import java.util.List;

/**
 * State-store and repartition keys. Ids may hold {@code _ . : -} (events' Identifiers), so a joining separator such
 * as ":" could make two different cells collide; a JSON array cannot, and stays readable in changelogs.
 */
public final class LevelMapKeys {

    private LevelMapKeys() {
    }

    /** Key of a cell, e.g. {@code ["level_02","map_03"]}. */
    public static String cell(String levelId, String mapId) {
        return EventJson.write(List.of(levelId, mapId));
    }

    /** The level and the map of a cell key, as {@link #cell(String, String)} wrote them. */
    public static List<String> levelAndMap(String cellKey) {
        JsonNode levelAndMap = EventJson.readTree(cellKey);
        return List.of(levelAndMap.get(0).asText(), levelAndMap.get(1).asText());
    }

    /** Key of one player's presence on a cell, e.g. {@code ["level_02","map_03","player_123"]}. */
    public static String player(String levelId, String mapId, String playerId) {
        return EventJson.write(List.of(levelId, mapId, playerId));
    }
}
