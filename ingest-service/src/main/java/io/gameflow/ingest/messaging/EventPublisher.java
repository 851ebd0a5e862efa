package io.gameflow.ingest.messaging;

import io.gameflow.events.EventHeaders;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes validated events, each to the topic its route names; the returned Uni completes when Kafka acknowledged
 * every record of the batch (acks=all, see application.properties).
 *
 * <p>The records go to the {@code events-out} channel's own producer (configured in application.properties), a whole
 * batch in one hop onto its sending thread, each with a plain callback. Sent through the channel's emitter, one
 * message pipeline per record took about half of the service's CPU under batched load (JFR).
 */
@ApplicationScoped
public class EventPublisher {

    static final String CHANNEL = "events-out";

    private final KafkaClientService clients;
    private final IngestMetrics metrics;

    /**
     * @param channel unused for sending: it declares the channel, so that the connector makes its producer
     */
    public EventPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients, IngestMetrics metrics) {
        this.clients = clients;
        this.metrics = metrics;
    }

    public Uni<Void> publishAll(List<ValidatedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> acknowledged = clients.<String, String>getProducer(CHANNEL)
                .runOnSendingThread((Function<Producer<String, String>, CompletableFuture<Void>>) producer -> sendAll(producer, batch))
                .flatMap(all -> Uni.createFrom().completionStage(all));
        return metrics.timeKafkaAck(acknowledged);
    }

    private static CompletableFuture<Void> sendAll(Producer<String, String> producer, List<ValidatedEvent> batch) {
        BatchAcknowledgement acknowledgement = new BatchAcknowledgement(batch.size());
        for (ValidatedEvent event : batch) {
            producer.send(recordOf(event), acknowledgement);
        }
        return acknowledgement.all;
    }

    private static ProducerRecord<String, String> recordOf(ValidatedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        // the record's timestamp is the receipt time the analytics bound client clocks by (README, "Time")
        return new ProducerRecord<>(event.topic(), null, event.receivedAt().toEpochMilli(), event.key(), event.value(), headers);
    }

    /** Completes once Kafka acknowledged every record of a batch, or fails with the first refusal. */
    private static final class BatchAcknowledgement implements Callback {

        private final CompletableFuture<Void> all = new CompletableFuture<>();
        private final AtomicInteger pending;

        BatchAcknowledgement(int records) {
            this.pending = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                all.completeExceptionally(failure);
            } else if (pending.decrementAndGet() == 0) {
                all.complete(null);
            }
        }
    }
}
