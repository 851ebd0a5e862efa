package io.gameflow.ingest.messaging;

import io.gameflow.events.EventHeaders;
import io.gameflow.ingest.domain.ValidatedEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Writes validated events, each to the topic its route names; the returned Uni completes when Kafka acknowledged
 * every record of the batch (acks=all, see application.properties).
 *
 * <p>The records go to the {@code events-out} channel's own producer (configured in application.properties), a whole
 * batch in one hop onto its sending thread, each with a plain callback. Sent through the channel's emitter, one
 * message pipeline per record took about half of the service's CPU under batched load (JFR).
 *
 * <p>While the broker is away a send can block that one thread for the producer's {@code max.block.ms} (waiting for
 * metadata or buffer space), and the batches behind it wait. So a batch is queued for the thread as soon as the
 * returned Uni is subscribed, and a caller's timeout counts from then, not from when the thread gets to it. The
 * thread stops a batch at its first refused record, and does not go on with one whose time is up: its request has
 * been answered 503 already, and its client sends it again.
 */
@ApplicationScoped
public class EventPublisher {

    static final String CHANNEL = "events-out";

    private final KafkaClientService clients;
    private final IngestMetrics metrics;
    private final EventTracing tracing;

    /**
     * @param channel unused for sending: it declares the channel, so that the connector makes its producer
     */
    public EventPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients, IngestMetrics metrics,
                          EventTracing tracing) {
        this.clients = clients;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /**
     * @param within how long the caller waits for the acknowledgement; records not yet sent by then are not sent
     */
    public Uni<Void> publishAll(List<ValidatedEvent> batch, Duration within) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context traced = tracing.sampledCaller();
        Uni<Void> acknowledged = Uni.createFrom().completionStage(() -> handOver(batch, traced, System.nanoTime() + within.toNanos()));
        return metrics.timeKafkaAck(acknowledged);
    }

    private CompletableFuture<Void> handOver(List<ValidatedEvent> batch, Context traced, long giveUpAtNanos) {
        BatchAcknowledgement acknowledgement = new BatchAcknowledgement(batch.size());
        clients.<String, String>getProducer(CHANNEL)
                .runOnSendingThread((Consumer<Producer<String, String>>) producer ->
                        sendAll(producer, batch, traced, giveUpAtNanos, acknowledgement))
                .subscribe().with(sent -> { }, acknowledgement::fail);
        return acknowledgement.all;
    }

    /** @param traced the request's sampled trace, or null */
    private void sendAll(Producer<String, String> producer, List<ValidatedEvent> batch, Context traced, long giveUpAtNanos,
                         BatchAcknowledgement acknowledgement) {
        for (ValidatedEvent event : batch) {
            if (acknowledgement.isSettled()) {
                // a record was refused (no metadata or buffer space within max.block.ms), or the caller gave up:
                // the request gets 503 whatever the other records do
                return;
            }
            if (System.nanoTime() - giveUpAtNanos >= 0) {
                acknowledgement.fail(new TimeoutException("the request's Kafka timeout passed before its records were all sent"));
                return;
            }
            RecordHeaders headers = eventIdHeader(event);
            Span span = traced == null ? null : tracing.startPublish(traced, event, headers);
            producer.send(recordOf(event, headers), acknowledgement);
            if (span != null) {
                span.end();
            }
        }
    }

    private static RecordHeaders eventIdHeader(ValidatedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static ProducerRecord<String, String> recordOf(ValidatedEvent event, RecordHeaders headers) {
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

        boolean isSettled() {
            return all.isDone();
        }

        void fail(Throwable failure) {
            all.completeExceptionally(failure);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                fail(failure);
            } else if (pending.decrementAndGet() == 0) {
                all.complete(null);
            }
        }
    }
}
