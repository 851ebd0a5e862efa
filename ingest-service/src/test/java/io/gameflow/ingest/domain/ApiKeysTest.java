package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    private final ApiKeys keys = ApiKeys.parse(List.of("studio-a:key-a-123", " game-client : key-c-456 : client ",
            "game-server:key-s-789:server", "both:key-b-000:player_action+server_metric", "explicit:key-e-111:all"));

    @Test
    void findsTheNameOfAConfiguredKey() {
        assertEquals(Optional.of("studio-a"), keys.find("key-a-123").map(ApiKey::name));
        assertEquals(Optional.of("game-client"), keys.find("key-c-456").map(ApiKey::name));
    }

    @Test
    void aKeyWithoutAScopeMaySendEveryKindAsBeforeScopesExisted() {
        assertEquals(EventScope.ALL, keys.find("key-a-123").orElseThrow().scope());
        assertEquals(EventScope.ALL, keys.find("key-e-111").orElseThrow().scope());
        assertEquals(List.of("studio-a"), keys.unscoped(), "an explicit 'all' is a choice, not an oversight");
    }

    @Test
    void clientServerAndListsOfEventNamesScopeAKey() {
        EventScope client = keys.find("key-c-456").orElseThrow().scope();
        assertTrue(client.allows(EventKind.PLAYER_ACTION) && client.allows(EventKind.TRANSACTION));
        assertFalse(client.allows(EventKind.SERVER_METRIC));
        EventScope server = keys.find("key-s-789").orElseThrow().scope();
        assertTrue(server.allows(EventKind.SERVER_METRIC));
        assertFalse(server.allows(EventKind.PLAYER_ACTION) || server.allows(EventKind.TRANSACTION));
        EventScope both = keys.find("key-b-000").orElseThrow().scope();
        assertEquals("player_action, server_metric", both.describe());
        assertEquals(EventScope.ALL, EventScope.parse("client+server_metric"));
    }

    @Test
    void anUnknownEmptyOrMissingKeyHasNoName() {
        assertEquals(Optional.empty(), keys.find("key-a-12"));
        assertEquals(Optional.empty(), keys.find("key-a-1234"));
        assertEquals(Optional.empty(), keys.find("key-c-456:client"), "the scope is not part of the key");
        assertEquals(Optional.empty(), keys.find(""));
        assertEquals(Optional.empty(), keys.find(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "secret                             | entry 1 must be name:key or name:key:scope",
            ":key                               | entry 1 has an empty name",
            "name:                              | 'name' has an empty key",
            "name::client                       | 'name' has an empty key",
            "studio:key:cleint                  | 'studio' has an unknown scope word; a scope is client",
            "studio:key:                        | an empty scope word",
            "studio:key:client+                 | an empty scope word",
            "studio:key:player_action+purchase  | an unknown scope word",
            "studio:key:with:colons             | a key may not contain ':'",
            "studio:secret:tail                 | a key may not contain ':'"})
    void aBadEntryIsRefusedSayingWhatToFixWithoutShowingTheKey(String entry, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of(entry.trim()))).getMessage();
        assertTrue(message.contains(expected), message);
        assertFalse(List.of("secret", "tail", "with", "colons", "cleint", "purchase").stream().anyMatch(message::contains),
                "neither a key nor what may be its tail gets into the log: " + message);
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("a:1", "a:2:server")))
                .getMessage().contains("twice"));
    }

    @Test
    void noEntriesMeansNoKeys() {
        assertTrue(ApiKeys.parse(List.of()).isEmpty());
    }
}
