package io.gameflow.ingest.api;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.MalformedBodyException;
import io.gameflow.ingest.domain.TooManyEventsException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the failures of a request into DESIGN.md's error body with the right status. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final IngestConfig config;

    public ErrorMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response malformedBody(MalformedBodyException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorBody("malformed_body", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooManyEvents(TooManyEventsException e) {
        return json(Response.Status.REQUEST_ENTITY_TOO_LARGE, new ErrorBody("too_many_events", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return json(Response.Status.UNSUPPORTED_MEDIA_TYPE, new ErrorBody("unsupported_media_type",
                "send the events as Content-Type: application/json"));
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", config.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("kafka_unavailable", e.getMessage() + "; nothing of this request is acknowledged, retry it"))
                .build();
    }

    private static Response json(Response.Status status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
