package io.gameflow.ingest.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code gameflow_ingest_events_total{topic,outcome}}: accepted (acknowledged by Kafka), rejected (invalid; topic
 * "unknown" when the event_name routes nowhere) and failed (valid, but Kafka did not acknowledge).
 */
@ApplicationScoped
public class IngestMetrics {

    static final String EVENTS = "gameflow.ingest.events";
    static final String UNKNOWN_TOPIC = "unknown";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(List<ValidatedEvent> events) {
        events.forEach(event -> count(event.kind().defaultTopic(), "accepted"));
    }

    public void failed(List<ValidatedEvent> events) {
        events.forEach(event -> count(event.kind().defaultTopic(), "failed"));
    }

    public void rejected(String eventName) {
        count(EventKind.byEventName(eventName).map(EventKind::defaultTopic).orElse(UNKNOWN_TOPIC), "rejected");
    }

    private void count(String topic, String outcome) {
        registry.counter(EVENTS, "topic", topic, "outcome", outcome).increment();
    }
}
