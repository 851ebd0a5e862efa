package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.time.ClockSkew;

import java.time.Instant;

/**
 * An event that passed validation, with everything needed to write it: topic, key, id and the JSON value, its
 * {@code event_timestamp} and when ingest received it (the Kafka record's timestamp).
 */
public record ValidatedEvent(EventKind kind, String topic, String key, String eventId, String value, Instant eventTime,
                             Instant receivedAt) {

    /** Whether the client's clock put it further ahead of its receipt than allowed: the analytics count it at its receipt. */
    public boolean isAhead(ClockSkew skew) {
        return skew.isAhead(eventTime.toEpochMilli(), receivedAt.toEpochMilli());
    }
}
