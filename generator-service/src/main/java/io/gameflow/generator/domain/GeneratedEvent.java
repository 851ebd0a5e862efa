package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;

/** One event of the world, ready to send: its kind (hence topic), record key and JSON value. */
public record GeneratedEvent(EventKind kind, String key, Object event) {
}
