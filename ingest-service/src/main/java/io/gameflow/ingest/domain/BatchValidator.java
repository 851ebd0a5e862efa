package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventIds;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventValidator;
import io.gameflow.events.ValidationLimits;
import io.gameflow.events.Violation;
import io.gameflow.ingest.api.IngestResult.EventError;
import io.gameflow.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits a batch into the events to write and the errors to report, by index. */
@ApplicationScoped
public class BatchValidator {

    private final EventValidator validator;
    private final Clock clock;

    @Inject
    public BatchValidator(IngestConfig config) {
        this(new EventValidator(new ValidationLimits(config.maxEventAge(), config.maxEventAhead())), Clock.systemUTC());
    }

    BatchValidator(EventValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    public Outcome validate(List<JsonNode> events) {
        Instant now = clock.instant();
        List<ValidatedEvent> accepted = new ArrayList<>();
        List<EventError> errors = new ArrayList<>();
        List<String> rejectedEventNames = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            JsonNode event = events.get(index);
            List<Violation> violations = validator.validate(event, now);
            if (violations.isEmpty()) {
                EventKind kind = EventKind.byEventName(event.get("event_name").asText()).orElseThrow();
                accepted.add(new ValidatedEvent(kind, kind.keyOf(event), EventIds.eventIdOf(event), event));
            } else {
                rejectedEventNames.add(event.path("event_name").asText(""));
                for (Violation violation : violations) {
                    errors.add(new EventError(index, violation.path(), violation.message()));
                }
            }
        }
        return new Outcome(accepted, errors, rejectedEventNames);
    }

    /** @param rejectedEventNames the event_name of every rejected event ("" when it has none), for metrics */
    public record Outcome(List<ValidatedEvent> accepted, List<EventError> errors, List<String> rejectedEventNames) {

        public int rejectedCount() {
            return rejectedEventNames.size();
        }
    }
}
