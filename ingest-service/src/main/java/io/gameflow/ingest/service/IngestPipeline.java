package io.gameflow.ingest.service;

import io.gameflow.events.time.ClockSkew;
import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.BatchValidator;
import io.gameflow.ingest.domain.Origin;
import io.gameflow.ingest.domain.RawEvent;
import io.gameflow.ingest.domain.RejectedEvent;
import io.gameflow.ingest.domain.RejectedRecord;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.gameflow.ingest.messaging.EventPublisher;
import io.gameflow.ingest.messaging.IngestMetrics;
import io.gameflow.ingest.messaging.RejectedEventPublisher;
import io.gameflow.ingest.service.IngestResult.EventError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a batch, whether it was posted or pulled: validate, copy the refused entries to
 * ingest-rejected, write the valid ones, and answer once Kafka acknowledged all of them.
 */
@ApplicationScoped
public class IngestPipeline {

    private final BatchValidator validator;
    private final EventPublisher publisher;
    private final RejectedEventPublisher rejectedPublisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final ClockSkew skew;

    public IngestPipeline(BatchValidator validator, EventPublisher publisher, RejectedEventPublisher rejectedPublisher,
                          IngestMetrics metrics, IngestConfig config) {
        this.validator = validator;
        this.publisher = publisher;
        this.rejectedPublisher = rejectedPublisher;
        this.metrics = metrics;
        this.config = config;
        this.skew = new ClockSkew(config.maxClockSkew());
    }

    /**
     * @return the result once every accepted event is acknowledged
     * (fails with {@link KafkaUnavailableException} when Kafka did not acknowledge in time: then nothing counts as
     * accepted, and the batch should be sent again — its event ids stay the same)
     */
    public Uni<IngestResult> ingest(List<RawEvent> events, Origin origin) {
        return publish(screen(events, origin));
    }

    /** Validates a batch, and counts and copies what it refuses; done once per batch, however often it is sent. */
    public Screened screen(List<RawEvent> events, Origin origin) {
        Instant receivedAt = Instant.now();
        BatchValidator.Outcome outcome = validator.validate(events, origin.scope());
        List<RejectedEvent> rejected = outcome.rejected();
        metrics.rejected(rejected);
        rejectedPublisher.copy(rejected.stream().map(r -> RejectedRecord.of(r, origin, receivedAt)).toList());
        List<ValidatedEvent> accepted = outcome.accepted();
        List<EventError> errors = errorsOf(rejected);
        IngestResult result = accepted.isEmpty() && allForbidden(rejected)
                ? IngestResult.forbidden(rejected.size(), errors, origin.scope())
                : IngestResult.of(accepted.stream().map(ValidatedEvent::eventId).toList(), rejected.size(), errors);
        return new Screened(accepted, result);
    }

    /** Nothing but events the key may not send: a request the key is not allowed to make, not a content problem. */
    private static boolean allForbidden(List<RejectedEvent> rejected) {
        return !rejected.isEmpty() && rejected.stream().allMatch(event -> event.reason() == RejectionReason.FORBIDDEN_EVENT_KIND);
    }

    /** Writes the accepted events of a screened batch; the Uni ends when Kafka acknowledged all of them. */
    public Uni<IngestResult> publish(Screened screened) {
        List<ValidatedEvent> accepted = screened.accepted();
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(screened.result());
        }
        Duration timeout = config.kafkaTimeout();
        // the timer starts when the request subscribes, however long the batch then queues for the producer's thread
        return publisher.publishAll(accepted, timeout)
                .ifNoItem().after(timeout).failWith(() -> new KafkaUnavailableException(
                        "Kafka did not acknowledge within " + timeout.toMillis() + " ms"))
                .onFailure(failure -> !(failure instanceof KafkaUnavailableException))
                .transform(failure -> new KafkaUnavailableException("Kafka did not accept the events: " + failure.getMessage()))
                .onFailure().invoke(() -> metrics.failed(accepted))
                .onItem().transform(acknowledged -> {
                    metrics.accepted(accepted);
                    metrics.clockSkewed(accepted.stream().filter(event -> event.isAhead(skew)).toList());
                    return screened.result();
                });
    }

    /** A validated batch: the events to write, and the answer to give once they are written. */
    public record Screened(List<ValidatedEvent> accepted, IngestResult result) {
    }

    /**
     * A body that held no readable events is copied too: it is what a broken client sends, and what to look at.
     * (Counted where the refusal is answered, once per request.)
     */
    public void refuseBody(byte[] body, RejectionReason reason, String message, Origin origin) {
        rejectedPublisher.copy(List.of(RejectedRecord.ofBody(new String(body, StandardCharsets.UTF_8), reason,
                message, origin, Instant.now())));
    }

    private static List<EventError> errorsOf(List<RejectedEvent> rejected) {
        List<EventError> errors = new ArrayList<>();
        for (RejectedEvent event : rejected) {
            event.violations().forEach(v -> errors.add(new EventError(event.index(), v.path(), v.message())));
        }
        return errors;
    }
}
