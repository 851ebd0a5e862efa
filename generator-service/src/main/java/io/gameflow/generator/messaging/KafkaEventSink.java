package io.gameflow.generator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventIds;
import io.gameflow.events.EventJson;
import io.gameflow.generator.domain.GeneratedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/** Sends generated events straight to their Kafka topics, keyed per DESIGN.md, with an event_id header. */
@ApplicationScoped
public class KafkaEventSink {

    private final MutinyEmitter<String> playerEvents;
    private final MutinyEmitter<String> purchaseEvents;
    private final MutinyEmitter<String> serverMetrics;

    public KafkaEventSink(@Channel("player-events") MutinyEmitter<String> playerEvents,
                          @Channel("purchase-events") MutinyEmitter<String> purchaseEvents,
                          @Channel("server-metrics") MutinyEmitter<String> serverMetrics) {
        this.playerEvents = playerEvents;
        this.purchaseEvents = purchaseEvents;
        this.serverMetrics = serverMetrics;
    }

    /** Completes when Kafka acknowledged the record. */
    public Uni<Void> send(GeneratedEvent generated) {
        JsonNode json = EventJson.mapper().valueToTree(generated.event());
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, EventIds.eventIdOf(json).getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(json.toString())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(generated.key()).withHeaders(headers).build());
        MutinyEmitter<String> emitter = switch (generated.kind()) {
            case PLAYER_ACTION -> playerEvents;
            case TRANSACTION -> purchaseEvents;
            case SERVER_METRIC -> serverMetrics;
        };
        return emitter.sendMessage(message);
    }
}
