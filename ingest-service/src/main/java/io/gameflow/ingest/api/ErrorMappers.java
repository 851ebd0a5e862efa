package io.gameflow.ingest.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.BodyTooLargeException;
import io.gameflow.ingest.domain.MalformedBodyException;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.domain.TooManyEventsException;
import io.gameflow.ingest.domain.UnsupportedContentEncodingException;
import io.gameflow.ingest.messaging.IngestMetrics;
import io.gameflow.ingest.service.KafkaUnavailableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the failures of a request into the error body of docs/contracts.md with the right status, and counts the refusals. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final IngestConfig config;
    private final IngestMetrics metrics;

    public ErrorMappers(IngestConfig config, IngestMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return refuse(RejectionReason.UNAUTHORIZED, Response.Status.UNAUTHORIZED, "unauthorized", e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedBody(MalformedBodyException e) {
        return refuse(RejectionReason.MALFORMED_BODY, Response.Status.BAD_REQUEST, "malformed_body", e.getMessage());
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e) {
        return refuse(RejectionReason.TOO_LARGE, Response.Status.REQUEST_ENTITY_TOO_LARGE, "body_too_large", e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooManyEvents(TooManyEventsException e) {
        return refuse(RejectionReason.TOO_LARGE, Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_many_events", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return refuse(RejectionReason.UNSUPPORTED_MEDIA_TYPE, Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unsupportedEncoding(UnsupportedContentEncodingException e) {
        return refuse(RejectionReason.UNSUPPORTED_MEDIA_TYPE, Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type", e.getMessage());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        metrics.requestRefused(RejectionReason.RATE_LIMITED);
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header("Retry-After", e.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("rate_limited", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", config.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("kafka_unavailable", e.getMessage() + "; this request is not acknowledged: send the same "
                        + "body again (some events may have landed; their ids stay the same, so copies can be dropped)"))
                .build();
    }

    private Response refuse(RejectionReason reason, Response.Status status, String code, String message) {
        metrics.requestRefused(reason);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(code, message)).build();
    }
}
