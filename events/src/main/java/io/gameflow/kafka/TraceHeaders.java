package io.gameflow.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) a Kafka record carries from the service that wrote
 * it to the one that reads it. Always W3C, whatever propagators a service's HTTP side uses: ingest takes no trace
 * context from game clients (docs/observability.md), yet hands its own to the Streams services.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private TraceHeaders() {
    }

    /**
     * The sampled trace a record carries, or null when it carries none: an unsampled or unreadable
     * {@code traceparent} is no trace to continue, and looking for the header is all an untraced record costs.
     */
    public static SpanContext sampledIn(Headers headers) {
        if (headers.lastHeader(TRACEPARENT) == null) {
            return null;
        }
        SpanContext carried = Span.fromContext(W3C.extract(Context.root(), headers, GETTER)).getSpanContext();
        return carried.isValid() && carried.isSampled() ? carried : null;
    }

    /** Puts the context's span into the headers, in place of any trace context they carried. */
    public static void write(Context context, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        W3C.inject(context, headers, SETTER);
    }

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SETTER =
            (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8));
}
