package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.Violation;

import java.util.List;

/**
 * One refused entry of a batch, kept so it can be copied to ingest-rejected: where it was, what it was (its JSON,
 * or the text of a line that is not JSON) and why.
 */
public record RejectedEvent(int index, JsonNode json, String text, RejectionReason reason, List<Violation> violations) {

    /** The event_name it claimed, "" when none: the rejected counter's topic follows from it. */
    public String eventName() {
        return json == null ? "" : json.path("event_name").asText("");
    }
}
