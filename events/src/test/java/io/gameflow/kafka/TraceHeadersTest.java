package io.gameflow.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceHeadersTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSampledTraceparentIsTheTraceToContinue() {
        SpanContext carried = TraceHeaders.sampledIn(headers("00-" + TRACE + "-" + SPAN + "-01"));
        assertEquals(TRACE, carried.getTraceId());
        assertEquals(SPAN, carried.getSpanId());
    }

    @Test
    void noTraceAnUnsampledOneOrGarbageIsNothingToContinue() {
        assertNull(TraceHeaders.sampledIn(new RecordHeaders()));
        assertNull(TraceHeaders.sampledIn(headers("00-" + TRACE + "-" + SPAN + "-00")));
        assertNull(TraceHeaders.sampledIn(headers("<script>alert(1)</script>")));
        assertNull(TraceHeaders.sampledIn(headers("00-00000000000000000000000000000000-" + SPAN + "-01")));
        assertNull(TraceHeaders.sampledIn(headers("x".repeat(100_000))));
    }

    @Test
    void writingReplacesTheTraceContextARecordCarried() {
        Headers headers = headers("00-" + TRACE + "-" + SPAN + "-01");
        headers.add(TraceHeaders.TRACESTATE, "vendor=forged".getBytes(StandardCharsets.UTF_8));
        headers.add("event_id", "e-1".getBytes(StandardCharsets.UTF_8));
        SpanContext next = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.getDefault());

        TraceHeaders.write(Context.root().with(Span.wrap(next)), headers);

        assertEquals(1, count(headers, TraceHeaders.TRACEPARENT));
        assertEquals(0, count(headers, TraceHeaders.TRACESTATE));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                new String(headers.lastHeader(TraceHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8));
        assertEquals(1, count(headers, "event_id"));
    }

    private static Headers headers(String traceparent) {
        Headers headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static int count(Headers headers, String key) {
        int n = 0;
        for (var ignored : headers.headers(key)) {
            n++;
        }
        return n;
    }
}
