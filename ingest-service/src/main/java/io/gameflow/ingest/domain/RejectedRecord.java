package io.gameflow.ingest.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Violation;

import java.time.Instant;
import java.util.List;

/**
 * The value of an ingest-rejected record: the refused event as it came (its JSON, or its text when it is not
 * JSON, cut to {@link #MAX_TEXT_CHARS}), why, when, and from whom.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectedRecord(String receivedAt, String source, String apiKey, String url, String reason,
                             Integer index, List<Violation> errors, JsonNode event, String text, Boolean truncated) {

    /** Enough of a broken body to see what the client sent, small enough for any Kafka record limit. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    public static RejectedRecord of(RejectedEvent rejected, Origin origin, Instant receivedAt) {
        JsonNode event = rejected.json();
        String text = rejected.text();
        if (event != null && EventJson.write(event).length() > MAX_TEXT_CHARS) {
            text = EventJson.write(event);
            event = null;
        }
        return build(receivedAt, origin, rejected.reason(), rejected.index(), rejected.violations(), event, text);
    }

    /** A whole body that held no readable events. */
    public static RejectedRecord ofBody(String body, RejectionReason reason, String message, Origin origin, Instant receivedAt) {
        return build(receivedAt, origin, reason, null, List.of(new Violation("", message)), null, body);
    }

    private static RejectedRecord build(Instant receivedAt, Origin origin, RejectionReason reason, Integer index,
                                        List<Violation> errors, JsonNode event, String text) {
        boolean cut = text != null && text.length() > MAX_TEXT_CHARS;
        return new RejectedRecord(receivedAt.toString(), origin.source(), origin.apiKey(), origin.url(), reason.label(), index,
                errors, event, cut ? text.substring(0, MAX_TEXT_CHARS) : text, cut ? Boolean.TRUE : null);
    }
}
