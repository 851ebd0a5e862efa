package io.gameflow.ingest.messaging;

import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
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

/** Writes validated events to their topics; the returned Uni completes when Kafka acknowledged every record. */
@ApplicationScoped
public class EventPublisher {

    static final int BUFFER = 16_384;

    private final MutinyEmitter<String> playerEvents;
    private final MutinyEmitter<String> purchaseEvents;
    private final MutinyEmitter<String> serverMetrics;

    /**
     * The buffers hold the records of concurrent requests until the producer takes them; a request has at most
     * {@code max-events-per-request} records, and each waits for its acknowledgement, so memory stays bounded.
     */
    public EventPublisher(@Channel("player-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> playerEvents,
                          @Channel("purchase-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> purchaseEvents,
                          @Channel("server-metrics") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> serverMetrics) {
        this.playerEvents = playerEvents;
        this.purchaseEvents = purchaseEvents;
        this.serverMetrics = serverMetrics;
    }

    public Uni<Void> publishAll(List<ValidatedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = events.stream().map(this::publish).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> publish(ValidatedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(EventJson.write(event.json()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).withHeaders(headers).build());
        return Uni.createFrom().deferred(() -> emitterFor(event.kind()).sendMessage(message));
    }

    private MutinyEmitter<String> emitterFor(EventKind kind) {
        return switch (kind) {
            case PLAYER_ACTION -> playerEvents;
            case TRANSACTION -> purchaseEvents;
            case SERVER_METRIC -> serverMetrics;
        };
    }
}
