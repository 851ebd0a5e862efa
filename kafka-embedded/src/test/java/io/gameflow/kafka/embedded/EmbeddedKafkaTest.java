package io.gameflow.kafka.embedded;

import io.gameflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startOnFreePorts();
    }

    @AfterAll
    static void stopBroker() {
        Path data = kafka.dataDir();
        kafka.close();
        assertFalse(Files.exists(data), "broker data should be deleted");
    }

    @Test
    void createsTheGameFlowTopics() throws Exception {
        kafka.createTopics(Topics.ALL, 2);
        kafka.createTopics(Topics.ALL, 2); // again: existing topics are fine

        try (var admin = kafka.admin()) {
            // a topic just created may take a moment to show in the metadata another request reads
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertTrue(names.containsAll(Topics.ALL), names::toString);
            });
            int partitions = admin.describeTopics(List.of(Topics.PLAYER_EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.PLAYER_EVENTS).partitions().size();
            assertEquals(2, partitions);
            for (String topic : Topics.ALL) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String timestamps = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value();
                assertEquals(Topics.INPUTS.contains(topic) ? "LogAppendTime" : "CreateTime", timestamps,
                        topic + ": the inputs carry the broker's receipt time");
            }
            ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENGAGEMENT_ALERTS);
            String retention = admin.describeConfigs(List.of(alerts)).all().get(10, TimeUnit.SECONDS)
                    .get(alerts).get("retention.ms").value();
            assertEquals(Long.toString(Duration.ofDays(7).toMillis()), retention, "engagement-alerts keeps 7 days");
        }
    }

    @Test
    void producedRecordsAreConsumedWithTheirKeys() throws Exception {
        String topic = "round-trip";
        kafka.createTopics(List.of(topic), 1);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "player_" + i, "{\"n\":" + i + "}")).get(10, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < 10 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertEquals(10, received.size());
        assertEquals("player_3", received.get(3).key());
        assertEquals("{\"n\":3}", received.get(3).value());
    }
}
