package io.gameflow.ingest.messaging;

import io.gameflow.events.EventHeaders;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes validated events, each to the topic its route names; the returned Uni completes when Kafka acknowledged
 * every record of the batch (acks=all, see application.properties).
 */
@ApplicationScoped
public class EventPublisher {

    static final int BUFFER = 16_384;

    private final MutinyEmitter<String> events;
    private final IngestMetrics metrics;

    /**
     * The buffer holds the records of concurrent requests until the producer takes them; a request has at most
     * {@code max-events-per-request} records, and each waits for its acknowledgement, so memory stays bounded.
     */
    public EventPublisher(@Channel("events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> events,
                          IngestMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    public Uni<Void> publishAll(List<ValidatedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = batch.stream().map(this::publish).toList();
        return metrics.timeKafkaAck(Uni.join().all(sends).andFailFast().replaceWithVoid());
    }

    private Uni<Void> publish(ValidatedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(event.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic()).withKey(event.key()).withHeaders(headers).build());
        return Uni.createFrom().deferred(() -> events.sendMessage(message));
    }
}
