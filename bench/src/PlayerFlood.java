import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Fills player-events with one event of each of N distinct players, as ingest writes them (keyed by player, with an
 * event_id header), their event times spread over the last 30 minutes. Run as a single-file program:
 * java -cp <kafka-clients...> bench/src/PlayerFlood.java <bootstrap> <players>
 */
public class PlayerFlood {

    private static final String[] PLATFORMS = {"PC", "Console", "Mobile"};

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int players = Integer.parseInt(args[1]);
        long now = Instant.now().toEpochMilli();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < players; i++) {
                String player = "flood_" + i;
                Instant time = Instant.ofEpochMilli(now - 1_800_000L + (1_800_000L * i / players));
                String event = "{\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"" + player
                        + "\",\"session_id\":\"s_" + i + "\",\"event_type\":\"move\",\"level_id\":\"level_0" + (1 + i % 5)
                        + "\",\"map_id\":\"map_0" + (1 + i % 3) + "\"},\"event_timestamp\":\"" + time
                        + "\",\"user_data\":{\"user_id\":\"" + player + "\",\"platform\":\"" + PLATFORMS[i % 3] + "\"}}";
                ProducerRecord<String, String> record = new ProducerRecord<>("player-events", player, event);
                record.headers().add("event_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                if ((i + 1) % 200_000 == 0) {
                    System.err.printf("[bench] produced %,d%n", i + 1);
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d %.1f%n", players, players / seconds);
    }
}
