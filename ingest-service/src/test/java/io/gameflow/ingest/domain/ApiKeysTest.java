package io.gameflow.ingest.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    private final ApiKeys keys = ApiKeys.parse(List.of("studio-a:key-a-123", " studio-b : key:with:colons "));

    @Test
    void findsTheNameOfAConfiguredKey() {
        assertEquals(Optional.of("studio-a"), keys.nameOf("key-a-123"));
        assertEquals(Optional.of("studio-b"), keys.nameOf("key:with:colons"));
    }

    @Test
    void anUnknownEmptyOrMissingKeyHasNoName() {
        assertEquals(Optional.empty(), keys.nameOf("key-a-12"));
        assertEquals(Optional.empty(), keys.nameOf("key-a-1234"));
        assertEquals(Optional.empty(), keys.nameOf(""));
        assertEquals(Optional.empty(), keys.nameOf(null));
    }

    @Test
    void refusesEntriesWithoutANameOrKeyAndNamesGivenTwice() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("justakey")))
                .getMessage().contains("name:key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of(":key")))
                .getMessage().contains("empty name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("name:")))
                .getMessage().contains("empty key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("a:1", "a:2")))
                .getMessage().contains("twice"));
    }

    @Test
    void noEntriesMeansNoKeys() {
        assertTrue(ApiKeys.parse(List.of()).isEmpty());
    }
}
