package io.gameflow.metrics.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.streams.support.http.NotReadyMapper;
import io.gameflow.streams.support.query.PeerUnavailableException;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 503 path cannot be reached in the @QuarkusTest, whose streams are running: checked here directly. */
class ErrorMappersTest {

    @Test
    void anUnqueryableStoreIs503WithRetryAfterNot500() {
        Response response = new NotReadyMapper(new NotReadyMessageProducer().notReady())
                .notReady(new StreamsNotStartedException("not started"));

        assertEquals(503, response.getStatus());
        assertEquals("1", String.valueOf(response.getHeaderString("Retry-After")));
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("not_ready", body.error());
        assertEquals("the server state is not queryable yet (Kafka Streams is starting, rebalancing or restoring); "
                + "retry after 1 s", body.message());
        assertEquals(0, body.details().size());
    }

    @Test
    void aPeerThatDoesNotAnswerIs503WithRetryAfterAndSaysWhichPeer() {
        Response response = new ErrorMappers().peerUnavailable(
                new PeerUnavailableException("metrics-1:8083", new java.io.IOException("connection refused")));

        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("not_ready", body.error());
        assertEquals("instance metrics-1:8083 holding part of the state did not answer: connection refused; retry after 1 s",
                body.message());
    }

    @Test
    void anUnknownServerIs404WithTheErrorBody() {
        Response response = new ErrorMappers().unknownServer(new UnknownServerException("nope"));

        assertEquals(404, response.getStatus());
        assertEquals("not_found", ((ErrorBody) response.getEntity()).error());
    }
}
