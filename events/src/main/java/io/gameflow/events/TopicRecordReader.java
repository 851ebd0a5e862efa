package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Reads the raw value of an input-topic record into the event of one kind, or says why it cannot: the one
 * gate every stream processor puts in front of its topology, so that one bad record is skipped, not fatal.
 *
 * <p>Age bounds are off: a topic may be replayed from any point in the past (ingest applied them on arrival),
 * and a replay must give the same answers as the live run did.
 */
public final class TopicRecordReader<T> {

    private final EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);
    private final EventKind kind;
    private final Class<T> type;

    public TopicRecordReader(EventKind kind, Class<T> type) {
        this.kind = kind;
        this.type = type;
    }

    public Reading<T> read(String value) {
        if (value == null) {
            return Reading.problem("no value");
        }
        JsonNode node;
        try {
            node = EventJson.readTree(value);
        } catch (IllegalArgumentException notJson) {
            return Reading.problem("not JSON");
        }
        List<Violation> violations = validator.validate(node);
        if (!violations.isEmpty()) {
            return Reading.problem("invalid: " + violations);
        }
        // a valid event of another kind (e.g. a transaction on player-events) is not one of ours either
        if (!kind.eventName().equals(node.get("event_name").asText())) {
            return Reading.problem("event_name is not " + kind.eventName());
        }
        return new Reading<>(EventJson.read(node, type), null);
    }

    /** Either the event, or the problem that kept the record from being one. */
    public record Reading<T>(T event, String problem) {

        static <T> Reading<T> problem(String problem) {
            return new Reading<>(null, problem);
        }

        public boolean isEvent() {
            return event != null;
        }
    }
}
