package io.gameflow.ingest.domain;

import java.util.Locale;

/**
 * Why an event, or a whole request, was refused: the {@code reason} label of the rejection counters and the
 * {@code reason} field of ingest-rejected records. A small fixed set, so it can be a metric label.
 */
public enum RejectionReason {
    /** An event that breaks the contract (a missing field, a wrong type, a value out of range). */
    INVALID_EVENT,
    /** An event whose event_name routes nowhere. */
    UNKNOWN_EVENT_NAME,
    /** An event of a kind the API key's scope does not hold (a client key sending server_metric). */
    FORBIDDEN_EVENT_KIND,
    /** An NDJSON line that is not JSON. */
    NOT_JSON,
    /** One event larger than gameflow.ingest.max-event-bytes. */
    EVENT_TOO_LARGE,
    /** A body that holds no events at all (not JSON, empty, a number...). */
    MALFORMED_BODY,
    /** A body over the byte or event cap. */
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNAUTHORIZED,
    RATE_LIMITED;

    /** The label value, e.g. {@code unknown_event_name}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
