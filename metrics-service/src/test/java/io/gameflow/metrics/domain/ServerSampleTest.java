package io.gameflow.metrics.domain;

import io.gameflow.events.EventJson;
import io.gameflow.events.ServerMetricEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerSampleTest {

    /** Written by ServerSample when its lastSeen was a String: stores, changelogs and the repartition topic hold this. */
    private static final String STORED = "{\"server_id\":\"s-1\",\"region\":\"eu-west\",\"server_type\":\"dedicated\","
            + "\"cpu_load\":12.5,\"memory_usage\":0.1,\"latency\":30.0,\"last_seen\":\"2024-11-12T10:15:30.123456Z\"}";

    @Test
    void readsAndWritesTheSameJsonAsBefore() throws Exception {
        ServerSample sample = EventJson.mapper().readValue(STORED, ServerSample.class);
        assertEquals(Instant.parse("2024-11-12T10:15:30.123456Z"), sample.lastSeenTime());
        assertEquals(STORED, EventJson.mapper().writeValueAsString(sample));
    }

    @Test
    void parsesTheTimeOnceWhenMade() throws Exception {
        ServerSample sample = EventJson.mapper().readValue(STORED, ServerSample.class);
        assertSame(sample.lastSeenTime(), sample.lastSeenTime(), "the parsed instant is kept, not made again per call");
    }

    @Test
    void aSampleOfAnEventKeepsTheEventsTimeAsUtcText() {
        ServerMetricEvent event = new ServerMetricEvent("server_metric",
                new ServerMetricEvent.Parameters("s-1", 1, 2, 3), "2024-11-12T12:15:30.5+02:00",
                new ServerMetricEvent.ServerData("eu-west", "dedicated"), java.util.Map.of());
        ServerSample sample = ServerSample.of(event);
        assertEquals("2024-11-12T10:15:30.500Z", sample.lastSeen().text());
        assertEquals(OffsetDateTime.parse("2024-11-12T12:15:30.5+02:00").toInstant(), sample.lastSeenTime());
    }

    /** SampleTime.of skips parsing the text it writes: that text must parse back to the very instant, at every edge. */
    @Test
    void anInstantsTextParsesBackToIt() {
        for (String instant : new String[] {"2024-11-12T10:15:30Z", "2024-11-12T10:15:30.000000001Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "+12024-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            Instant time = Instant.parse(instant);
            assertEquals(time, SampleTime.parse(SampleTime.of(time).text()).instant(), instant);
        }
    }

    @Test
    void refusesTextThatIsNoTime() {
        assertThrows(IllegalArgumentException.class, () -> SampleTime.parse("yesterday"));
    }
}
