package io.gameflow.streams.support.trace;

import io.gameflow.events.EventHeaders;
import io.gameflow.kafka.TraceHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Continues in a Streams processor the trace a record carries ({@link TraceHeaders}), so that one trace runs from the
 * HTTP request at ingest to the alert it caused. Kafka Streams has no tracing of its own in Quarkus: a processor
 * that can raise an alert starts its span here, and the records it writes carry that span on. A record without a
 * sampled trace costs one header lookup and gets no span.
 */
public final class RecordTracing {

    /** For topology tests and tools: spans are never recorded, a carried trace is passed on as it came. */
    public static final RecordTracing OFF = new RecordTracing(OpenTelemetry.noop());
    /** The span attribute that names the event a span is about, as at ingest. */
    public static final String EVENT_ID_ATTRIBUTE = "gameflow.event_id";

    private final Tracer tracer;

    public RecordTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.gameflow.streams");
    }

    /** The span of this processor's work on a record, a child of the trace it carries; null when it carries none. */
    public Span start(String name, Headers headers) {
        SpanContext carried = TraceHeaders.sampledIn(headers);
        if (carried == null) {
            return null;
        }
        SpanBuilder span = tracer.spanBuilder(name)
                .setParent(Context.root().with(Span.wrap(carried)))
                .setSpanKind(SpanKind.CONSUMER);
        String eventId = eventIdOf(headers);
        if (eventId != null) {
            span.setAttribute(EVENT_ID_ATTRIBUTE, eventId);
        }
        return span.startSpan();
    }

    /** The headers of a record the span's work writes: the event it is about, and the span as the trace to go on with. */
    public static Headers headersOf(Span span, Headers input) {
        RecordHeaders output = new RecordHeaders();
        Header eventId = input.lastHeader(EventHeaders.EVENT_ID);
        if (eventId != null) {
            output.add(eventId);
        }
        TraceHeaders.write(Context.root().with(span), output);
        return output;
    }

    /** The event id a record carries, or null. */
    public static String eventIdOf(Headers headers) {
        Header eventId = headers.lastHeader(EventHeaders.EVENT_ID);
        return eventId == null || eventId.value() == null ? null : new String(eventId.value(), StandardCharsets.UTF_8);
    }
}
