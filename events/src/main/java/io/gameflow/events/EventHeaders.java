package io.gameflow.events;

/** Kafka record header names of the contract. */
public final class EventHeaders {

    /** UUID of the event, stable across retries; used downstream to drop duplicates. */
    public static final String EVENT_ID = "event_id";

    private EventHeaders() {
    }
}
