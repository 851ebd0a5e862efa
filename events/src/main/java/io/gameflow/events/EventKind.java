package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of input event: their {@code event_name}, default topic and the JSON path of their
 * record key (docs/contracts.md).
 */
public enum EventKind {
    PLAYER_ACTION("player_action", Topics.PLAYER_EVENTS, "parameters", "player_id"),
    TRANSACTION("transaction", Topics.PURCHASE_EVENTS, "user_data", "user_id"),
    SERVER_METRIC("server_metric", Topics.SERVER_METRICS, "parameters", "server_id");

    private final String eventName;
    private final String defaultTopic;
    private final String keyObject;
    private final String keyField;

    EventKind(String eventName, String defaultTopic, String keyObject, String keyField) {
        this.eventName = eventName;
        this.defaultTopic = defaultTopic;
        this.keyObject = keyObject;
        this.keyField = keyField;
    }

    public String eventName() {
        return eventName;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    /** The JSON path of the key, e.g. {@code parameters.player_id}. */
    public String keyPath() {
        return keyObject + "." + keyField;
    }

    /** The record key of a valid event of this kind. */
    public String keyOf(JsonNode event) {
        return event.path(keyObject).path(keyField).asText();
    }

    public static Optional<EventKind> byEventName(String eventName) {
        return Arrays.stream(values()).filter(kind -> kind.eventName.equals(eventName)).findFirst();
    }
}
