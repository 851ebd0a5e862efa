package io.gameflow.streams.support.http;

import io.gameflow.api.ErrorBody;
import io.gameflow.events.PeerKey;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * With the peer key on, the internal API answers 403 to any request without it, whatever read key it carries: the
 * ingress forwards every path, and a read key is no secret from whoever opens the live page
 * (docs/deployment-hardening.md).
 */
public class PeerKeyFilter {

    private final PeerKey key;

    public PeerKeyFilter(PeerKey key) {
        this.key = key;
    }

    /** Before the read-key filter, so that the answer to an outsider is the same with or without a read key. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> requirePeerKey(ContainerRequestContext request) {
        return key.refusal(request.getUriInfo().getPath(), request.getHeaderString(PeerKey.HEADER))
                .map(reason -> Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody("forbidden", reason)).build());
    }
}
