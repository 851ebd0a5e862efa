package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventKind;

/** An event that passed validation, with everything needed to write it: kind (hence topic), key and id. */
public record ValidatedEvent(EventKind kind, String key, String eventId, JsonNode json) {
}
