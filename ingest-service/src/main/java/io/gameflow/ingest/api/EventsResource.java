package io.gameflow.ingest.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.ApiKey;
import io.gameflow.ingest.domain.BodyDecoder;
import io.gameflow.ingest.domain.BodyFormat;
import io.gameflow.ingest.domain.EventBatch;
import io.gameflow.ingest.domain.MalformedBodyException;
import io.gameflow.ingest.domain.Origin;
import io.gameflow.ingest.domain.RawEvent;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.service.IngestPipeline;
import io.gameflow.ingest.service.IngestResult;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

@Path("/v1/events")
public class EventsResource {

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final BodyDecoder decoder;
    private final IngestPipeline pipeline;
    private final IngestConfig config;

    public EventsResource(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter, BodyDecoder decoder,
                          IngestPipeline pipeline, IngestConfig config) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.decoder = decoder;
        this.pipeline = pipeline;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one event, a JSON array of events, or NDJSON",
            description = "Each event is validated and routed by event_name (player_action -> player-events, "
                    + "transaction -> purchase-events, server_metric -> server-metrics; configurable). Valid events are "
                    + "written with acks=all, keyed by player, user or server id with an event_id header; the answer comes only after "
                    + "Kafka acknowledged all of them. Invalid events, and events of a kind the API key's scope does not "
                    + "hold (forbidden_event_kind), are reported by index and copied, with the reason, to ingest-rejected. "
                    + "Identifiers (player_id, user_id, session_id, level_id, map_id, item_id, item_type, server_id, region, "
                    + "server_type) are 1 to 64 of A-Z a-z 0-9 _ . : -; currency is an ISO 4217 code. "
                    + "Content-Encoding: gzip is accepted. Limits: 1 MiB per body (sent and inflated), "
                    + "1,000 events per request, a rate per API key. A traceparent header is ignored: with tracing on, "
                    + "each request starts a trace of its own, carried in the records' headers (docs/observability.md).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(description = "one event object or an array of them")),
            @Content(mediaType = BodyFormat.NDJSON_TYPE, schema = @Schema(description = "one event object per line"))})
    @Parameter(name = ApiKeyAuthenticator.HEADER, in = ParameterIn.HEADER, description = "an API key of gameflow.ingest.auth.keys; "
            + "required unless auth is off. Its scope says which event kinds it may send: client (player_action, "
            + "transaction), server (server_metric), or a list of event names")
    @Parameter(name = HttpHeaders.CONTENT_ENCODING, in = ParameterIn.HEADER, description = "gzip, or absent")
    @APIResponse(responseCode = "200", description = "At least one event was written; errors lists the others by index "
            + "(including events outside the key's scope, with a message saying which kinds the key may send)",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "No event was valid (same body as 200, with error no_valid_events: "
            + "errors say where and why, by index, each with the JSON path of the field, e.g. parameters.level_id — in "
            + "NDJSON the index counts non-blank lines), or the body holds no "
            + "events at all (error body with error malformed_body)",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "401", description = "X-API-Key missing or unknown (error unauthorized)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Every event is of a kind the API key's scope does not hold, e.g. a "
            + "client key sending server_metric (same body as 200, with error forbidden_event_kind; errors lists them by index)",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "413", description = "Body over gameflow.ingest.max-body-bytes, sent or inflated "
            + "(error body_too_large), or more events than gameflow.ingest.max-events-per-request (error too_many_events)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is neither application/json nor application/x-ndjson, "
            + "or Content-Encoding is neither gzip nor absent (error unsupported_media_type)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "The API key is over its events/s; retry after Retry-After seconds (error rate_limited)",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge within gameflow.ingest.kafka-timeout "
            + "(error kafka_unavailable); given within that time also while the broker is down. Some "
            + "of the events may still land; send the same body again after Retry-After seconds: the event ids stay "
            + "the same, so the copies can be dropped downstream",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> ingest(@HeaderParam(ApiKeyAuthenticator.HEADER) String apiKey,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
                                byte[] body) {
        ApiKey key = authenticator.authenticate(apiKey);
        Origin origin = Origin.apiKey(key);
        BodyFormat format = BodyFormat.of(contentType).orElseThrow(() -> new NotSupportedException(
                "Content-Type '" + contentType + "' is not accepted; send " + BodyFormat.ACCEPTED_TYPES));
        byte[] decoded = null;
        List<RawEvent> events;
        try {
            decoded = decoder.decode(body, contentEncoding);
            events = EventBatch.parse(decoded, format, config.maxEventsPerRequest());
        } catch (MalformedBodyException e) {
            pipeline.refuseBody(decoded != null ? decoded : body, RejectionReason.MALFORMED_BODY, e.getMessage(), origin);
            throw e;
        }
        rateLimiter.admit(key.name(), events.size());
        return pipeline.ingest(events, origin).map(result -> Response.status(statusOf(result)).entity(result).build());
    }

    private static Response.Status statusOf(IngestResult result) {
        if (result.accepted() > 0) {
            return Response.Status.OK;
        }
        return IngestResult.FORBIDDEN_EVENT_KIND.equals(result.error()) ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
    }
}
