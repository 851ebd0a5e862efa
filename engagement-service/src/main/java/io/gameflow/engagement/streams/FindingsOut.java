package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.events.EventLogContext;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.trace.Span;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Where the fraud rules' findings leave the topology: counted, logged with the event that tripped them, and written
 * to {@code fraud-alerts} carrying on the trace of that event when it has one, so the alert is one click from the
 * HTTP request that caused it.
 */
final class FindingsOut {

    private static final Logger LOG = Logger.getLogger(FindingsOut.class);

    private final EngagementMeters meters;

    FindingsOut(EngagementMeters meters) {
        this.meters = meters;
    }

    /** @param span the rules' span over the cause, or null when the cause carries no sampled trace */
    void send(ProcessorContext<String, FraudFinding> context, FraudFinding finding, Record<String, ?> cause, Span span) {
        meters.fraud(finding.rule());
        Record<String, FraudFinding> out = new Record<>(finding.userId(), finding, cause.timestamp());
        if (span != null) {
            span.setAttribute("gameflow.fraud_rule", finding.rule());
            out = out.withHeaders(RecordTracing.headersOf(span, cause.headers()));
        }
        String eventId = RecordTracing.eventIdOf(cause.headers());
        try (EventLogContext about = EventLogContext.about(eventId)) {
            // the user id stays out: it is a game client's text, and the finding on fraud-alerts names it
            LOG.infof("fraud finding %s, tripped by event %s", finding.rule(), eventId);
        }
        context.forward(out);
    }
}
