package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The {@code event_id} of an event: the client's own {@code event_id} field when given, else a name-based
 * UUID of the event's canonical JSON, so that a retried identical event keeps its id.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String eventIdOf(JsonNode event) {
        JsonNode clientId = event.get("event_id");
        if (clientId != null && clientId.isTextual() && !clientId.asText().isBlank()) {
            return clientId.asText();
        }
        return UUID.nameUUIDFromBytes(EventJson.canonicalBytes(event)).toString();
    }
}
