package io.gameflow.engagement.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A state store that cannot be read yet (Kafka Streams starting, rebalancing or restoring) is a temporary
 * condition of the service, not a fault: 503 with Retry-After tells clients and load balancers to come back.
 */
public class NotReadyMapper {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger LOG = Logger.getLogger(NotReadyMapper.class);

    @ServerExceptionMapper
    public Response notReady(InvalidStateStoreException e) {
        LOG.debugf("answering 503: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("not_ready",
                        "the engagement state is not queryable yet (stream processing is starting or rebalancing); retry shortly"))
                .build();
    }
}
