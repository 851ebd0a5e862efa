package io.gameflow.metrics.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.streams.support.http.NotReady;
import io.gameflow.streams.support.query.PeerUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the failures of a query into the error body (docs/contracts.md) with the right status; a store that cannot be
 * read yet is the shared {@code NotReadyMapper}'s, in the words of {@link NotReadyMessageProducer}.
 */
public class ErrorMappers {

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

    /** A peer that did not answer: said as it is, with the shared 503 and Retry-After. */
    @ServerExceptionMapper
    public Response peerUnavailable(PeerUnavailableException e) {
        LOG.warn(e.getMessage());
        return NotReady.answer(e.getMessage() + "; retry after " + NotReady.RETRY_AFTER_SECONDS + " s");
    }
}
