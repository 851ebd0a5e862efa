package io.gameflow.ingest.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gameflow_ingest_events_total{topic,outcome}}: accepted (acknowledged by Kafka), rejected (invalid; topic
 * "unknown" when the event_name routes nowhere) and failed (valid, but Kafka did not acknowledge).
 *
 * <p>Every series is registered up front: no registry lookup per event on the request path, and an alert on a
 * rate sees the series at zero before the first failure.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    static final String EVENTS = "gameflow.ingest.events";
    static final String UNKNOWN_TOPIC = "unknown";

    private final Map<EventKind, Counter> accepted = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> rejected = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> failed = new EnumMap<>(EventKind.class);
    private final Counter rejectedUnknown;

    public IngestMetrics(MeterRegistry registry) {
        for (EventKind kind : EventKind.values()) {
            accepted.put(kind, counter(registry, kind.defaultTopic(), "accepted"));
            rejected.put(kind, counter(registry, kind.defaultTopic(), "rejected"));
            failed.put(kind, counter(registry, kind.defaultTopic(), "failed"));
        }
        rejectedUnknown = counter(registry, UNKNOWN_TOPIC, "rejected");
    }

    public void accepted(List<ValidatedEvent> events) {
        events.forEach(event -> accepted.get(event.kind()).increment());
    }

    public void failed(List<ValidatedEvent> events) {
        events.forEach(event -> failed.get(event.kind()).increment());
    }

    public void rejected(String eventName) {
        EventKind.byEventName(eventName).map(rejected::get).orElse(rejectedUnknown).increment();
    }

    private static Counter counter(MeterRegistry registry, String topic, String outcome) {
        return registry.counter(EVENTS, "topic", topic, "outcome", outcome);
    }
}
