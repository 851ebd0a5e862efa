package io.gameflow.streams.support.http;

import io.gameflow.api.ErrorBody;
import io.gameflow.events.ReadKeys;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * With read keys on, the query API and the instances' internal API answer 401 to a request without a valid key
 * (docs/live-page-and-read-keys.md).
 */
public class ReadKeyFilter {

    private final ReadKeys keys;

    public ReadKeyFilter(ReadKeys keys) {
        this.keys = keys;
    }

    /** Before matching, so that a path that does not exist answers 401 too and tells nothing without a key. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireReadKey(ContainerRequestContext request) {
        return keys.refusal(request.getUriInfo().getPath(), request.getHeaderString(ReadKeys.HEADER))
                .map(reason -> Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody("unauthorized", reason)).build());
    }
}
