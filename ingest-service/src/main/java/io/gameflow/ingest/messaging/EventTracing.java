package io.gameflow.ingest.messaging;

import io.gameflow.ingest.domain.ValidatedEvent;
import io.gameflow.kafka.TraceHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

/**
 * Each event of a sampled request gets a span of its own, a child of the request's, named after its topic and
 * carrying its event id; the span's context rides in the record's headers, where the Streams services continue the
 * trace. Events of requests that are not sampled get neither span nor header, so tracing costs them nothing.
 */
@ApplicationScoped
public class EventTracing {

    /** The span attribute that names the event a span is about, in every service. */
    public static final String EVENT_ID_ATTRIBUTE = "gameflow.event_id";

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The caller's context when it is a sampled trace (read on the request's thread), else null. */
    Context sampledCaller() {
        Context current = Context.current();
        return Span.fromContext(current).getSpanContext().isSampled() ? current : null;
    }

    /** Starts the event's span under the request's and writes its context into the record's headers. */
    Span startPublish(Context request, ValidatedEvent event, Headers headers) {
        Span span = tracer.spanBuilder(event.topic() + " publish")
                .setParent(request)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute(EVENT_ID_ATTRIBUTE, event.eventId())
                .startSpan();
        TraceHeaders.write(request.with(span), headers);
        return span;
    }
}
