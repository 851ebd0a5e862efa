package io.gameflow.metrics.messaging;

import io.gameflow.events.EventJson;
import io.gameflow.kafka.TraceHeaders;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of a traced alert: one span per alert record of a post to Alertmanager that carries a sampled trace,
 * a child of that trace, so that the trace of a server sample ends where Alertmanager took (or refused) its alert.
 * (The trace id goes to Alertmanager as the alert's {@code trace_id} annotation: {@link AlertForwarder}.)
 */
final class AlertPostSpans {

    private final List<Span> spans = new ArrayList<>();

    private AlertPostSpans() {
    }

    static AlertPostSpans start(Tracer tracer, List<ConsumerRecord<String, String>> records) {
        AlertPostSpans post = new AlertPostSpans();
        for (ConsumerRecord<String, String> record : records) {
            SpanContext carried = TraceHeaders.sampledIn(record.headers());
            if (carried == null) {
                continue;
            }
            Alert alert = readable(record);
            if (alert == null) {
                continue;
            }
            Span span = tracer.spanBuilder("alertmanager post")
                    .setParent(Context.root().with(Span.wrap(carried)))
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("gameflow.alert_id", alert.alertId())
                    .setAttribute("gameflow.alert_rule", alert.rule())
                    .startSpan();
            String eventId = RecordTracing.eventIdOf(record.headers());
            if (eventId != null) {
                span.setAttribute(RecordTracing.EVENT_ID_ATTRIBUTE, eventId);
            }
            post.spans.add(span);
        }
        return post;
    }

    /** @param failure why Alertmanager did not take the post, or null when it did */
    void end(Exception failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
        }
    }

    private static Alert readable(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), Alert.class);
        } catch (Exception unreadable) {
            return null;
        }
    }
}
