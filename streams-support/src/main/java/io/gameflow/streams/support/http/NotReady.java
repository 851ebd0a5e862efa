package io.gameflow.streams.support.http;

import io.gameflow.api.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer while the state cannot be read (Kafka Streams starting, rebalancing or restoring, or a peer holding part
 * of it silent): a temporary condition of the service, not a fault, so 503 with Retry-After tells clients and load
 * balancers to come back (docs/architecture.md, "Interactive queries across instances").
 */
public final class NotReady {

    public static final int RETRY_AFTER_SECONDS = 1;
    public static final String ERROR = "not_ready";

    private NotReady() {
    }

    public static Response answer(String message) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(ERROR, message))
                .build();
    }
}
