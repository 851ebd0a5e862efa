package io.gameflow.metrics.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the failures of a query into DESIGN.md's error body with the right status. */
public class ErrorMappers {

    static final int RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response unknownServer(UnknownServerException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("not_found", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response badRequest(jakarta.ws.rs.BadRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("bad_request", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response peerUnavailable(PeerUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("not_ready", e.getMessage() + "; retry after " + RETRY_AFTER_SECONDS + " s")).build();
    }

    /** The store is not queryable while the streams start, rebalance or restore: a short wait fixes it, so 503. */
    @ServerExceptionMapper
    public Response notReady(InvalidStateStoreException e) {
        LOG.debugf("answering 503: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("not_ready", "the server state is not queryable yet (Kafka Streams is starting, "
                        + "rebalancing or restoring); retry after " + RETRY_AFTER_SECONDS + " s"))
                .build();
    }
}
