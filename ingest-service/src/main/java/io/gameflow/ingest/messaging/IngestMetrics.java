package io.gameflow.ingest.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.ingest.domain.RejectedEvent;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.domain.Routes;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ingest meters:
 * <ul>
 * <li>{@code gameflow_ingest_events_total{topic,outcome}}: accepted (acknowledged by Kafka), rejected (invalid;
 * topic "unknown" when the event_name routes nowhere) and failed (valid, but Kafka did not acknowledge);</li>
 * <li>{@code gameflow_ingest_rejections_total{reason}}: refused events (per event: invalid_event,
 * unknown_event_name, forbidden_event_kind, not_json, event_too_large) and refused requests (per request:
 * malformed_body, too_large, unsupported_media_type, unauthorized, rate_limited);</li>
 * <li>{@code gameflow_ingest_kafka_ack_seconds}: from handing a request's records to the producer until Kafka
 * acknowledged the last of them;</li>
 * <li>{@code gameflow_ingest_request_seconds{status}}: POST /v1/events from arrival to answer;</li>
 * <li>{@code gameflow_ingest_requests_in_flight}: POSTs being handled now;</li>
 * <li>{@code gameflow_ingest_rejected_copy_failures_total}: copies ingest-rejected did not take;</li>
 * <li>{@code gameflow_ingest_pull_polls_total{outcome}}: polls of the HTTP pull source, ok or failed.</li>
 * </ul>
 *
 * <p>Every series is registered up front: no registry lookup per event on the request path, and an alert on a
 * rate sees the series at zero before the first failure.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    static final String UNKNOWN_TOPIC = "unknown";

    private final Map<EventKind, Counter> accepted = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> rejected = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> failed = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> clockSkewed = new EnumMap<>(EventKind.class);
    private final Counter rejectedUnknown;
    private final Map<RejectionReason, Counter> rejections = new EnumMap<>(RejectionReason.class);
    private final Timer kafkaAck;
    private final Counter rejectedCopyFailures;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MeterRegistry registry;
    private final Counter pollsOk;
    private final Counter pollsFailed;

    public IngestMetrics(MeterRegistry registry, Routes routes) {
        this.registry = registry;
        for (EventKind kind : EventKind.values()) {
            accepted.put(kind, events(registry, routes.topicOf(kind), "accepted"));
            rejected.put(kind, events(registry, routes.topicOf(kind), "rejected"));
            failed.put(kind, events(registry, routes.topicOf(kind), "failed"));
            clockSkewed.put(kind, Counter.builder("gameflow.ingest.clock.skew.events")
                    .description("Accepted events dated further ahead of their receipt than the allowed clock skew; "
                            + "the analytics count them at their receipt time")
                    .tag("topic", routes.topicOf(kind)).register(registry));
        }
        rejectedUnknown = events(registry, UNKNOWN_TOPIC, "rejected");
        for (RejectionReason reason : RejectionReason.values()) {
            rejections.put(reason, registry.counter("gameflow.ingest.rejections", "reason", reason.label()));
        }
        kafkaAck = Timer.builder("gameflow.ingest.kafka.ack")
                .description("Time from handing a request's records to the producer until Kafka acknowledged all")
                .publishPercentileHistogram().register(registry);
        rejectedCopyFailures = registry.counter("gameflow.ingest.rejected.copy.failures");
        registry.gauge("gameflow.ingest.requests.in.flight", inFlight);
        pollsOk = registry.counter("gameflow.ingest.pull.polls", "outcome", "ok");
        pollsFailed = registry.counter("gameflow.ingest.pull.polls", "outcome", "failed");
    }

    public void accepted(List<ValidatedEvent> events) {
        events.forEach(event -> accepted.get(event.kind()).increment());
    }

    public void clockSkewed(List<ValidatedEvent> events) {
        events.forEach(event -> clockSkewed.get(event.kind()).increment());
    }

    public void failed(List<ValidatedEvent> events) {
        events.forEach(event -> failed.get(event.kind()).increment());
    }

    public void rejected(List<RejectedEvent> events) {
        for (RejectedEvent event : events) {
            EventKind.byEventName(event.eventName()).map(rejected::get).orElse(rejectedUnknown).increment();
            rejections.get(event.reason()).increment();
        }
    }

    public void requestRefused(RejectionReason reason) {
        rejections.get(reason).increment();
    }

    public void rejectedCopyFailed() {
        rejectedCopyFailures.increment();
    }

    public void pollEnded(boolean ok) {
        (ok ? pollsOk : pollsFailed).increment();
    }

    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    /** One lookup per request (not per event), by status: a small fixed set of codes. */
    public void requestEnded(long startNanos, int status) {
        inFlight.decrementAndGet();
        Timer.builder("gameflow.ingest.request").tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Times {@code ack} from subscription to its end, failed or not. */
    public <T> Uni<T> timeKafkaAck(Uni<T> ack) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start();
            return ack.onTermination().invoke(() -> sample.stop(kafkaAck));
        });
    }

    private static Counter events(MeterRegistry registry, String topic, String outcome) {
        return registry.counter("gameflow.ingest.events", "topic", topic, "outcome", outcome);
    }
}
