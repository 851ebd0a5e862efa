package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which topic each kind of event goes to: the defaults of docs/contracts.md, overridden per {@code event_name} by
 * configuration. A route for an event_name the contract does not know is a configuration error, refused at start.
 */
public final class Routes {

    private final Map<EventKind, String> topics = new EnumMap<>(EventKind.class);

    public Routes(Map<String, String> configured) {
        for (EventKind kind : EventKind.values()) {
            topics.put(kind, kind.defaultTopic());
        }
        configured.forEach((eventName, topic) -> {
            EventKind kind = EventKind.byEventName(eventName).orElseThrow(() -> new IllegalArgumentException(
                    "gameflow.ingest.routes." + eventName + ": unknown event_name; known: " + knownNames()));
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("gameflow.ingest.routes." + eventName + ": the topic is empty");
            }
            topics.put(kind, topic.trim());
        });
    }

    public static Routes defaults() {
        return new Routes(Map.of());
    }

    public String topicOf(EventKind kind) {
        return topics.get(kind);
    }

    private static String knownNames() {
        return Arrays.stream(EventKind.values()).map(EventKind::eventName).collect(Collectors.joining(", "));
    }
}
