package io.gameflow.streams.support.http;

import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A store that cannot be read yet answers {@link NotReady}'s 503 with the service's {@link NotReadyMessage}. */
public class NotReadyMapper {

    private static final Logger LOG = Logger.getLogger(NotReadyMapper.class);

    private final NotReadyMessage message;

    public NotReadyMapper(NotReadyMessage message) {
        this.message = message;
    }

    @ServerExceptionMapper
    public Response notReady(InvalidStateStoreException e) {
        LOG.debugf("answering 503: %s", e.getMessage());
        return NotReady.answer(message.text());
    }
}
