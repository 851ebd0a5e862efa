package io.gameflow.events;

import org.jboss.logging.MDC;

/**
 * Names the event a log line is about: {@code event_id} in the MDC, which JSON logs show as a field beside the
 * {@code traceId} and {@code spanId} quarkus-opentelemetry puts there while a span is current.
 */
public final class EventLogContext implements AutoCloseable {

    public static final String EVENT_ID = "event_id";

    private EventLogContext() {
    }

    /** Until closed, log lines of this thread are about this event (nothing when it is null). */
    public static EventLogContext about(String eventId) {
        if (eventId != null) {
            MDC.put(EVENT_ID, eventId);
        }
        return new EventLogContext();
    }

    @Override
    public void close() {
        MDC.remove(EVENT_ID);
    }
}
