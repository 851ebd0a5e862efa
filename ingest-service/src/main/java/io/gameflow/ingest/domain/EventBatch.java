package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;

import java.util.ArrayList;
import java.util.List;

/** The events of one request body: a single JSON object or a JSON array of them. */
public final class EventBatch {

    private EventBatch() {
    }

    /**
     * @throws TooManyEventsException when the array holds more than {@code maxEvents}
     * @throws MalformedBodyException when the body is not JSON, or neither an object nor an array */
    public static List<JsonNode> parse(byte[] body, int maxEvents) {
        if (body == null || body.length == 0) {
            throw new MalformedBodyException("the body is empty; send one event object or a JSON array of events");
        }
        JsonNode root;
        try {
            root = EventJson.readTree(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedBodyException("the body is empty; send one event object or a JSON array of events");
        }
        if (root.isObject()) {
            return List.of(root);
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new MalformedBodyException("the array holds no events");
            }
            if (root.size() > maxEvents) {
                throw new TooManyEventsException("the request holds " + root.size() + " events; send at most "
                        + maxEvents + " per request");
            }
            List<JsonNode> events = new ArrayList<>(root.size());
            root.forEach(events::add);
            return events;
        }
        throw new MalformedBodyException("the body must be one event object or a JSON array of events, not a " + root.getNodeType());
    }
}
