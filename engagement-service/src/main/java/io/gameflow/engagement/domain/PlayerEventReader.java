package io.gameflow.engagement.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventValidator;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.ValidationLimits;

import java.util.Optional;

/**
 * Turns a raw {@code player-events} value into a visit, or nothing when it is not a valid player event.
 * Age bounds are off: the topic may be replayed from any point in the past, and ingest already applied them.
 */
public final class PlayerEventReader {

    private final EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);

    public Optional<LevelMapVisit> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = EventJson.readTree(value);
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        // a valid event of another kind (e.g. a transaction) has no level or map: not ours either
        if (!validator.validate(node).isEmpty()
                || !EventKind.PLAYER_ACTION.eventName().equals(node.path("event_name").asText())) {
            return Optional.empty();
        }
        return Optional.of(LevelMapVisit.of(EventJson.read(node, PlayerEvent.class)));
    }
}
