package io.gameflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.BatchValidator;
import io.gameflow.ingest.domain.EventBatch;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.gameflow.ingest.messaging.EventPublisher;
import io.gameflow.ingest.messaging.IngestMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

@Path("/v1/events")
public class EventsResource {

    private final BatchValidator validator;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public EventsResource(BatchValidator validator, EventPublisher publisher, IngestMetrics metrics, IngestConfig config) {
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one event or a JSON array of events",
            description = "Each event is validated and routed by event_name (player_action -> player-events, "
                    + "transaction -> purchase-events, server_metric -> server-metrics). Valid events are written "
                    + "with acks=all; the answer comes only after Kafka acknowledged all of them.")
    @APIResponse(responseCode = "200", description = "At least one event was written; errors lists the others",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "No event was valid (errors say where and why), or the body is not JSON",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "413", description = "More events than gameflow.ingest.max-events-per-request (1000)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> ingest(byte[] body) {
        List<JsonNode> events = EventBatch.parse(body, config.maxEventsPerRequest());
        BatchValidator.Outcome outcome = validator.validate(events);
        outcome.rejectedEventNames().forEach(metrics::rejected);
        IngestResult result = new IngestResult(outcome.accepted().size(), outcome.rejectedCount(),
                outcome.accepted().stream().map(ValidatedEvent::eventId).toList(), outcome.errors());
        if (outcome.accepted().isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).entity(result).build());
        }
        return publisher.publishAll(outcome.accepted())
                .ifNoItem().after(config.kafkaTimeout()).failWith(() -> new KafkaUnavailableException(
                        "Kafka did not acknowledge within " + config.kafkaTimeout().toSeconds() + " s"))
                .onFailure(failure -> !(failure instanceof KafkaUnavailableException))
                .transform(failure -> new KafkaUnavailableException("Kafka did not accept the events: " + failure.getMessage()))
                .onFailure().invoke(() -> metrics.failed(outcome.accepted()))
                .onItem().transform(acknowledged -> {
                    metrics.accepted(outcome.accepted());
                    return Response.ok(result).build();
                });
    }
}
