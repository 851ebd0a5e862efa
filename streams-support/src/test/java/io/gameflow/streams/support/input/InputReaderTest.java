package io.gameflow.streams.support.input;

import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.time.ClockSkew;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputReaderTest {

    private static final long WALL = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
    private final AtomicInteger skewed = new AtomicInteger();
    private final InputReader<ServerMetricEvent, ServerMetricEvent> reader = new InputReader<>(ServerIds.KIND,
            Duration.ofDays(2), new ClockSkew(Duration.ofMinutes(2)), skewed::incrementAndGet);

    @Test
    void aValidEventKeyedByItsIdIsReadAtItsOwnTime() {
        String raw = ServerIds.sample("server_1", "2026-01-01T11:59:00Z");
        Reading<ServerMetricEvent> reading = reader.read("server_1", raw, WALL, WALL);

        assertTrue(reading.isUsable());
        assertEquals(raw, reading.raw());
        assertNull(reading.problem());
        assertEquals(Instant.parse("2026-01-01T11:59:00Z"), reading.value().eventTime());
        assertEquals(0, skewed.get());
    }

    @Test
    void notJsonIsUnusable() {
        Reading<ServerMetricEvent> reading = reader.read("server_1", "{not json", WALL, WALL);

        assertFalse(reading.isUsable());
        assertEquals("{not json", reading.raw());
        assertTrue(reading.problem().contains("JSON"), reading.problem());
    }

    @Test
    void anEventKeyedBySomethingElseIsUnusableAndTheReasonNamesTheField() {
        Reading<ServerMetricEvent> reading = reader.read("someone-else", ServerIds.sample("server_1", "2026-01-01T11:59:00Z"), WALL, WALL);

        assertEquals("record key 'someone-else' is not parameters.server_id 'server_1'", reading.problem());
    }

    @Test
    void beyondTheMaximumFutureIsUnusableAtItIsRead() {
        assertTrue(reader.read("server_1", ServerIds.sample("server_1", "2026-01-03T12:00:00Z"), WALL, WALL).isUsable(),
                "exactly two days ahead is still read (then counted at its receipt)");
        Reading<ServerMetricEvent> reading = reader.read("server_1", ServerIds.sample("server_1", "2026-01-03T12:00:01Z"), WALL, WALL);

        assertTrue(reading.problem().contains("ahead of the clock"), reading.problem());
    }

    @Test
    void moreThanTheSkewAheadOfItsReceiptCountsAtItsReceipt() {
        long received = WALL - 1000;
        assertEquals(Instant.parse("2026-01-01T12:01:59Z"),
                reader.read("server_1", ServerIds.sample("server_1", "2026-01-01T12:01:59Z"), received, WALL).value().eventTime(),
                "exactly the skew ahead stays");
        assertEquals(0, skewed.get());

        Reading<ServerMetricEvent> reading = reader.read("server_1", ServerIds.sample("server_1", "2026-01-01T12:02:00Z"), received, WALL);

        assertEquals(Instant.ofEpochMilli(received), reading.value().eventTime());
        assertEquals(1, skewed.get());
    }
}
