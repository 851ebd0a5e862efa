package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedRoundTripTest {

    /** JSON equality where 78 and 78.0 are the same number. */
    private static final Comparator<JsonNode> SAME_JSON = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);

    private static void assertSameJson(String expected, Object actual) {
        JsonNode want = EventJson.readTree(expected);
        JsonNode got = EventJson.mapper().valueToTree(actual);
        assertTrue(want.equals(SAME_JSON, got), () -> "expected " + want + " but got " + got);
    }

    @Test
    void playerEventRoundTrips() {
        String json = SeedExamples.playerEvent();
        PlayerEvent event = EventJson.read(EventJson.readTree(json), PlayerEvent.class);

        assertEquals("player_123", event.parameters().playerId());
        assertEquals("level_02", event.parameters().levelId());
        assertEquals("PC", event.userData().platform());
        assertEquals(Instant.parse("2024-11-12T10:15:30Z"), event.eventTime());
        assertSameJson(json, event);
        assertEquals(java.util.List.of(), validator.validate(EventJson.readTree(json)));
        assertEquals("player_123", EventKind.PLAYER_ACTION.keyOf(EventJson.readTree(json)));
    }

    @Test
    void purchaseEventRoundTrips() {
        String json = SeedExamples.purchaseEvent();
        PurchaseEvent event = EventJson.read(EventJson.readTree(json), PurchaseEvent.class);

        assertEquals(new BigDecimal("4.99"), event.parameters().amount());
        assertEquals("skin", event.parameters().itemType());
        assertSameJson(json, event);
        assertEquals(java.util.List.of(), validator.validate(EventJson.readTree(json)));
        assertEquals("player_123", EventKind.TRANSACTION.keyOf(EventJson.readTree(json)));
    }

    @Test
    void serverMetricEventRoundTrips() {
        String json = SeedExamples.serverMetricEvent();
        ServerMetricEvent event = EventJson.read(EventJson.readTree(json), ServerMetricEvent.class);

        assertEquals(78.0, event.parameters().cpuLoad());
        assertEquals("us-west", event.serverData().region());
        assertSameJson(json, event);
        assertEquals(java.util.List.of(), validator.validate(EventJson.readTree(json)));
        assertEquals("server_1", EventKind.SERVER_METRIC.keyOf(EventJson.readTree(json)));
    }

    @Test
    void unknownFieldsAreKeptAtEveryLevel() {
        ObjectNode json = (ObjectNode) EventJson.readTree(SeedExamples.playerEvent());
        json.put("client_version", "1.4.2");
        ((ObjectNode) json.get("parameters")).put("x", 12.5);
        ((ObjectNode) json.get("user_data")).putObject("device").put("os", "android");

        PlayerEvent event = EventJson.read(json, PlayerEvent.class);

        assertEquals("1.4.2", event.extra().get("client_version"));
        assertSameJson(json.toString(), event);
    }

    @Test
    void defaultLimitsRejectTheSeedTimestampsAsTooOld() {
        var violations = new EventValidator().validate(EventJson.readTree(SeedExamples.playerEvent()));
        assertEquals(1, violations.size());
        assertEquals("event_timestamp", violations.get(0).path());
    }

    @Test
    void eventIdIsTheClientsOrStableForEqualContent() {
        ObjectNode a = (ObjectNode) EventJson.readTree(SeedExamples.playerEvent());
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        reordered.set("user_data", a.get("user_data"));
        reordered.set("event_timestamp", a.get("event_timestamp"));
        reordered.set("parameters", a.get("parameters"));
        reordered.set("event_name", a.get("event_name"));

        assertEquals(EventIds.eventIdOf(a), EventIds.eventIdOf(reordered));
        ObjectNode other = a.deepCopy();
        ((ObjectNode) other.get("parameters")).put("map_id", "map_01");
        assertTrue(!EventIds.eventIdOf(a).equals(EventIds.eventIdOf(other)));

        a.put("event_id", "3f1c9a52-6c1e-4a4f-9f63-0a3c2a1e9d10");
        assertEquals("3f1c9a52-6c1e-4a4f-9f63-0a3c2a1e9d10", EventIds.eventIdOf(a));
    }
}
