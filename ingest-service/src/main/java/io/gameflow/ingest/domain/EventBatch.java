package io.gameflow.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one body: a single JSON object or a JSON array of them, or NDJSON (one object per line).
 *
 * <p>A JSON body that does not parse fails whole (nothing in it can be trusted), while in NDJSON only the broken
 * line fails: each line stands alone, and its neighbours are still good events.
 */
public final class EventBatch {

    private static final String WHAT_TO_SEND = "send one event object, a JSON array of events, or NDJSON";

    private EventBatch() {
    }

    /**
     * @throws TooManyEventsException when the body holds more than {@code maxEvents}
     * @throws MalformedBodyException when the body holds no event, is not JSON, or neither an object nor an array */
    public static List<RawEvent> parse(byte[] body, BodyFormat format, int maxEvents) {
        List<RawEvent> events = format == BodyFormat.NDJSON ? parseLines(body, maxEvents) : parseJson(body, maxEvents);
        if (events.isEmpty()) {
            throw new MalformedBodyException("the body holds no events; " + WHAT_TO_SEND);
        }
        return events;
    }

    private static List<RawEvent> parseJson(byte[] body, int maxEvents) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : EventJson.readTree(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + whyNotJson(e));
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (root.isObject()) {
            return List.of(RawEvent.of(root));
        }
        if (!root.isArray()) {
            throw new MalformedBodyException("the body must be one event object or a JSON array of events, not a "
                    + root.getNodeType());
        }
        checkCount(root.size(), maxEvents);
        List<RawEvent> events = new ArrayList<>(root.size());
        root.forEach(event -> events.add(RawEvent.of(event)));
        return events;
    }

    private static List<RawEvent> parseLines(byte[] body, int maxEvents) {
        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        checkCount(lines.size(), maxEvents);
        List<RawEvent> events = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                events.add(RawEvent.of(EventJson.readTree(line)));
            } catch (IllegalArgumentException e) {
                events.add(RawEvent.unreadable(line, "this line is not valid JSON: " + whyNotJson(e)));
            }
        }
        return events;
    }

    /** Jackson's own words (with the position), without the wrapper's prefix. */
    private static String whyNotJson(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // limit errors (nesting too deep, a number too long) come without a location
            return json.getLocation() == null ? json.getOriginalMessage()
                    : json.getOriginalMessage() + " (" + json.getLocation().offsetDescription() + ")";
        }
        return e.getMessage();
    }

    private static void checkCount(int count, int maxEvents) {
        if (count > maxEvents) {
            throw new TooManyEventsException("the request holds " + count + " events; send at most " + maxEvents
                    + " per request");
        }
    }
}
