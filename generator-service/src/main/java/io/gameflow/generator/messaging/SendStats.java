package io.gameflow.generator.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.SentKpis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the outputs delivered per topic and what they failed to deliver, for the status and for Prometheus. */
@ApplicationScoped
public class SendStats {

    private static final Logger LOG = Logger.getLogger(SendStats.class);

    private final Map<EventKind, Counter> sent = new EnumMap<>(EventKind.class);
    private final Counter sendErrors;
    private final MeterRegistry registry;
    private final SentKpis kpis;
    private volatile String lastError;

    public SendStats(MeterRegistry registry, SentKpis kpis) {
        this.registry = registry;
        this.kpis = kpis;
        for (EventKind kind : EventKind.values()) {
            sent.put(kind, registry.counter("gameflow.generator.events", "topic", kind.defaultTopic()));
        }
        sendErrors = registry.counter("gameflow.generator.send.errors");
    }

    /** The destination acknowledged this event: it counts, and only now, in the truth's KPIs. */
    public void delivered(GeneratedEvent event) {
        sent.get(event.kind()).increment();
        kpis.delivered(event);
    }

    /** This many events will never be delivered, for this reason. */
    public void failed(int count, String error) {
        sendErrors.increment(count);
        // logged when the reason changes, not for every one of thousands of failures alike
        if (!Objects.equals(error, lastError)) {
            LOG.warnf("events not delivered: %s", error);
        }
        lastError = error;
    }

    /** A batch is sent again, after an answer or failure of this kind (429, 503, io_error...). */
    public void retried(String reason) {
        registry.counter("gameflow.generator.http.retries", "reason", reason).increment();
    }

    /** The last reason for a failure or retry, shown in the status until another replaces it. */
    public void noteProblem(String problem) {
        lastError = problem;
    }

    public Map<String, Long> deliveredPerTopic() {
        Map<String, Long> counts = new LinkedHashMap<>();
        sent.forEach((kind, count) -> counts.put(kind.defaultTopic(), (long) count.count()));
        return counts;
    }

    /** Events of one kind the destination acknowledged so far. */
    public long delivered(EventKind kind) {
        return (long) sent.get(kind).count();
    }

    public long totalDelivered() {
        return deliveredPerTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    public long sendErrors() {
        return (long) sendErrors.count();
    }

    public String lastError() {
        return lastError;
    }
}
