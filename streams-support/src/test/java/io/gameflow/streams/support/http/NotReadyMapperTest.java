package io.gameflow.streams.support.http;

import io.gameflow.api.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotReadyMapperTest {

    @Test
    void anUnqueryableStoreIs503WithRetryAfterOneSecondAndTheServicesWords() {
        Response response = new NotReadyMapper(new NotReadyMessage("the state is not queryable yet"))
                .notReady(new StreamsNotStartedException("not started"));

        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals("application/json", response.getMediaType().toString());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("not_ready", body.error());
        assertEquals("the state is not queryable yet", body.message());
        assertEquals(0, body.details().size());
    }
}
