package io.gameflow.engagement.api;

import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.gameflow.kafka.embedded.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes to {@code player-events} and {@code purchase-events} of the test broker as ingest does: keyed by player or
 * user, with an event_id header.
 */
final class PlayerEventsProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    void send(String player, String level, String map, Instant time) {
        send(player, "move", level, map, time);
    }

    void send(String player, String type, String level, String map, Instant time) {
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, type, level, map),
                time, new UserData(player, "PC"));
        sendRaw(player, EventJson.write(event));
    }

    void purchase(String user, String currency, String amount, Instant time) {
        PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters(UUID.randomUUID().toString(),
                PurchaseEvent.PURCHASE, currency, new BigDecimal(amount), "boost_xp", "boost"), time, new UserData(user, "PC"));
        sendRaw(Topics.PURCHASE_EVENTS, user, EventJson.write(event));
    }

    /** Sends and waits for the broker's ack, so records of one key are on the topic in call order. */
    void sendRaw(String key, String value) {
        sendRaw(Topics.PLAYER_EVENTS, key, value);
    }

    void sendRaw(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not accept the record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
