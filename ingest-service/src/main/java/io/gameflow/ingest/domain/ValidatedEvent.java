package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;

/** An event that passed validation, with everything needed to write it: topic, key, id and the JSON value. */
public record ValidatedEvent(EventKind kind, String topic, String key, String eventId, String value) {
}
