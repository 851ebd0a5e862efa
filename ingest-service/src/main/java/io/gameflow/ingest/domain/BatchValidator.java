package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventIds;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventTimes;
import io.gameflow.events.EventValidator;
import io.gameflow.events.Violation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a batch into the events to write, each with its topic, key and id, and the entries to refuse. An event of a
 * kind the sender's scope does not hold is refused as that alone, before its content is looked at: the sender may not
 * send it however well formed it is.
 */
public final class BatchValidator {

    private final EventValidator validator;
    private final Routes routes;
    private final int maxEventBytes;
    private final Clock clock;

    public BatchValidator(EventValidator validator, Routes routes, int maxEventBytes, Clock clock) {
        this.validator = validator;
        this.routes = routes;
        this.maxEventBytes = maxEventBytes;
        this.clock = clock;
    }

    public Outcome validate(List<RawEvent> events, EventScope scope) {
        Instant now = clock.instant();
        List<ValidatedEvent> accepted = new ArrayList<>();
        List<RejectedEvent> rejected = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            RawEvent raw = events.get(index);
            if (!raw.isReadable()) {
                rejected.add(new RejectedEvent(index, null, raw.unreadableText(), RejectionReason.NOT_JSON,
                        List.of(new Violation("", raw.readError()))));
                continue;
            }
            JsonNode event = raw.json();
            Optional<EventKind> forbidden = kindOf(event).filter(kind -> !scope.allows(kind));
            if (forbidden.isPresent()) {
                rejected.add(new RejectedEvent(index, event, null, RejectionReason.FORBIDDEN_EVENT_KIND, List.of(new Violation(
                        "event_name", "this API key may send " + scope.describe() + ", not " + forbidden.get().eventName()
                                + "; send it with a key whose scope holds it"))));
                continue;
            }
            List<Violation> violations = validator.validate(event, now);
            if (!violations.isEmpty()) {
                rejected.add(new RejectedEvent(index, event, null, reasonOf(event), violations));
                continue;
            }
            String value = EventJson.write(event);
            int size = value.getBytes(StandardCharsets.UTF_8).length;
            if (size > maxEventBytes) {
                rejected.add(new RejectedEvent(index, null, value, RejectionReason.EVENT_TOO_LARGE, List.of(new Violation("",
                        "the event is " + size + " bytes as JSON; one event may be at most " + maxEventBytes + " bytes"))));
                continue;
            }
            EventKind kind = kindOf(event).orElseThrow();
            accepted.add(new ValidatedEvent(kind, routes.topicOf(kind), kind.keyOf(event), EventIds.eventIdOf(event), value,
                    EventTimes.parse(event.get("event_timestamp").asText()), now));
        }
        return new Outcome(accepted, rejected);
    }

    private static Optional<EventKind> kindOf(JsonNode event) {
        JsonNode name = event.path("event_name");
        return name.isTextual() ? EventKind.byEventName(name.asText()) : Optional.empty();
    }

    private static RejectionReason reasonOf(JsonNode event) {
        JsonNode name = event.path("event_name");
        return name.isTextual() && EventKind.byEventName(name.asText()).isEmpty()
                ? RejectionReason.UNKNOWN_EVENT_NAME : RejectionReason.INVALID_EVENT;
    }

    public record Outcome(List<ValidatedEvent> accepted, List<RejectedEvent> rejected) {
    }
}
