package io.gameflow.generator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventIds;
import io.gameflow.events.EventJson;
import io.gameflow.generator.config.GeneratorConfig;
import io.gameflow.generator.domain.GeneratedEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Sends generated events straight to their Kafka topics, keyed as docs/contracts.md says, with an event_id header. */
@ApplicationScoped
@Typed(KafkaEventSink.class)
public class KafkaEventSink implements EventSink {

    private final MutinyEmitter<String> playerEvents;
    private final MutinyEmitter<String> purchaseEvents;
    private final MutinyEmitter<String> serverMetrics;
    private final SendStats stats;
    private final Backlog inFlight = new Backlog();
    private final int maxInFlight;

    @Inject
    public KafkaEventSink(@Channel("player-events") MutinyEmitter<String> playerEvents,
                          @Channel("purchase-events") MutinyEmitter<String> purchaseEvents,
                          @Channel("server-metrics") MutinyEmitter<String> serverMetrics,
                          SendStats stats, GeneratorConfig config,
                          @ConfigProperty(name = "mp.messaging.emitter.default-buffer-size") int emitterBuffer) {
        this(playerEvents, purchaseEvents, serverMetrics, stats, withinEmitterBuffer(config.kafka().maxInFlight(), emitterBuffer));
    }

    /**
     * More events in flight than an emitter buffers would bring back the refused sends that max-in-flight exists to
     * prevent: such a setting stops the generator at start, naming both.
     */
    static int withinEmitterBuffer(int maxInFlight, int emitterBuffer) {
        if (maxInFlight > emitterBuffer) {
            throw new IllegalArgumentException("gameflow.generator.kafka.max-in-flight (GAMEFLOW_GENERATOR_KAFKA_MAX_IN_FLIGHT) is "
                    + maxInFlight + ", above the emitters' buffer mp.messaging.emitter.default-buffer-size "
                    + "(MP_MESSAGING_EMITTER_DEFAULT_BUFFER_SIZE) of " + emitterBuffer + ": lower the one or raise the other");
        }
        return maxInFlight;
    }

    public KafkaEventSink(MutinyEmitter<String> playerEvents, MutinyEmitter<String> purchaseEvents,
                          MutinyEmitter<String> serverMetrics, SendStats stats, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("gameflow.generator.kafka.max-in-flight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.playerEvents = playerEvents;
        this.purchaseEvents = purchaseEvents;
        this.serverMetrics = serverMetrics;
        this.stats = stats;
    }

    @Override
    public void send(List<GeneratedEvent> events) {
        for (GeneratedEvent event : events) {
            inFlight.add(1);
            emitterOf(event).sendMessage(recordOf(event)).subscribe().with(
                    ok -> {
                        stats.delivered(event);
                        inFlight.settle(1);
                    },
                    failure -> {
                        stats.failed(1, "Kafka: " + failure.getMessage());
                        inFlight.settle(1);
                    });
        }
    }

    @Override
    public long backlog() {
        return inFlight.size();
    }

    /**
     * The emitters' buffers are bounded ({@code mp.messaging.emitter.default-buffer-size}), and a send they cannot take
     * fails: with no more than {@code max-in-flight} events unacknowledged, fewer than a buffer holds, none does.
     */
    @Override
    public long room() {
        return maxInFlight - inFlight.size();
    }

    @Override
    public boolean flush(Duration timeout) {
        return inFlight.awaitEmpty(timeout);
    }

    private static Message<String> recordOf(GeneratedEvent generated) {
        JsonNode json = EventJson.mapper().valueToTree(generated.event());
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, EventIds.eventIdOf(json).getBytes(StandardCharsets.UTF_8));
        return Message.of(json.toString())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(generated.key()).withHeaders(headers).build());
    }

    private MutinyEmitter<String> emitterOf(GeneratedEvent generated) {
        return switch (generated.kind()) {
            case PLAYER_ACTION -> playerEvents;
            case TRANSACTION -> purchaseEvents;
            case SERVER_METRIC -> serverMetrics;
        };
    }
}
