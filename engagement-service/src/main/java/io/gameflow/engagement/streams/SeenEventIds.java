package io.gameflow.engagement.streams;

import io.gameflow.events.EventHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The {@code event_id}s seen within a window of event time, so that a copy of an event (a batch a client sent again
 * after a 503, or ingest resent) is recognised and counted once. The ids live in a window store that forgets them
 * after the window; an event without the header cannot be recognised and always counts.
 */
final class SeenEventIds {

    private final WindowStore<String, Long> store;
    private final long windowMs;

    SeenEventIds(WindowStore<String, Long> store, Duration window) {
        this.store = store;
        this.windowMs = window.toMillis();
    }

    /** True the first time this event's id shows within the window (and remembers it), false for a copy. */
    boolean firstSighting(Headers headers, long eventTimeMs) {
        Header header = headers.lastHeader(EventHeaders.EVENT_ID);
        if (header == null) {
            return true;
        }
        String eventId = new String(header.value(), StandardCharsets.UTF_8);
        try (WindowStoreIterator<Long> earlier = store.fetch(eventId, eventTimeMs - windowMs, eventTimeMs + windowMs)) {
            if (earlier.hasNext()) {
                return false;
            }
        }
        store.put(eventId, eventTimeMs, eventTimeMs);
        return true;
    }
}
