package io.gameflow.engagement.domain;

import io.gameflow.events.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelMapKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"level_02", "a:b", "x.y-z_1", "", "quote\"d", "back\\slash", "tab\there", "grüße",
            "<script>alert(1)</script>", "emoji \uD83D\uDE00"})
    void keysAreExactlyTheJsonArraysJacksonWrites(String id) {
        assertEquals(EventJson.write(List.of(id, "map_03")), LevelMapKeys.cell(id, "map_03"));
        assertEquals(EventJson.write(List.of("level_01", id)), LevelMapKeys.cell("level_01", id));
        assertEquals(EventJson.write(List.of("level_01", "map_01", id)), LevelMapKeys.player("level_01", "map_01", id));
        assertEquals(List.of(id, "map_03"), LevelMapKeys.levelAndMap(LevelMapKeys.cell(id, "map_03")));
    }
}
