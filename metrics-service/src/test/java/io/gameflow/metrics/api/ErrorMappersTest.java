package io.gameflow.metrics.api;

import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 503 path cannot be reached in the @QuarkusTest, whose streams are running: checked here directly. */
class ErrorMappersTest {

    @Test
    void anUnqueryableStoreIs503WithRetryAfterNot500() {
        Response response = new ErrorMappers().notReady(new StreamsNotStartedException("not started"));

        assertEquals(503, response.getStatus());
        assertEquals("1", String.valueOf(response.getHeaderString("Retry-After")));
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("not_ready", body.error());
        assertEquals(0, body.details().size());
    }

    @Test
    void anUnknownServerIs404WithTheErrorBody() {
        Response response = new ErrorMappers().unknownServer(new UnknownServerException("nope"));

        assertEquals(404, response.getStatus());
        assertEquals("not_found", ((ErrorBody) response.getEntity()).error());
    }
}
