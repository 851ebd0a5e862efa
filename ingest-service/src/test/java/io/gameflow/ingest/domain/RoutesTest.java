package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutesTest {

    @Test
    void defaultsAreDesignMdsTopics() {
        Routes routes = Routes.defaults();
        assertEquals("player-events", routes.topicOf(EventKind.PLAYER_ACTION));
        assertEquals("purchase-events", routes.topicOf(EventKind.TRANSACTION));
        assertEquals("server-metrics", routes.topicOf(EventKind.SERVER_METRIC));
    }

    @Test
    void aConfiguredRouteReplacesTheDefaultOfItsEventNameOnly() {
        Routes routes = new Routes(Map.of("transaction", " studio-a-purchases "));
        assertEquals("studio-a-purchases", routes.topicOf(EventKind.TRANSACTION));
        assertEquals("player-events", routes.topicOf(EventKind.PLAYER_ACTION));
    }

    @Test
    void refusesARouteForAnUnknownEventNameOrAnEmptyTopic() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Routes(Map.of("login", "logins")))
                .getMessage().contains("player_action"));
        assertThrows(IllegalArgumentException.class, () -> new Routes(Map.of("transaction", " ")));
    }
}
