package io.gameflow.kafka.embedded;

import io.gameflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker started on the data directory of an earlier one, stopped cleanly or killed, serves that broker's topics,
 * records and committed offsets.
 */
class EmbeddedKafkaRestartTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private EmbeddedKafka restarted;
    private Process child;

    @AfterEach
    void stopBrokers() throws InterruptedException {
        if (restarted != null) {
            restarted.close();
        }
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void restartsOnItsDataAfterAStop() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        int[] ports = EmbeddedKafka.freePorts(2);
        String topic = "kept-after-stop";
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<String, String> written;
        try (EmbeddedKafka first = EmbeddedKafka.start(dataDir, ports[0], ports[1])) {
            first.createTopics(List.of(topic), 2);
            written = produce(first.bootstrapServers(), topic);
            try (var admin = first.admin()) {
                admin.alterConsumerGroupOffsets("a-group", Map.of(partition, new OffsetAndMetadata(4)))
                        .all().get(10, TimeUnit.SECONDS);
            }
        }
        assertTrue(EmbeddedKafka.isFormatted(dataDir), "close() keeps a data directory the caller gave");

        restarted = EmbeddedKafka.start(dataDir, ports[0], ports[1]);

        try (var admin = restarted.admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            assertEquals(2, partitions);
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("a-group").partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            assertEquals(4, committed.offset(), "the committed offset of a-group");
        }
        assertEquals(written, readAll(restarted.bootstrapServers(), topic, written.size()));
    }

    @Test
    void restartsOnItsDataAfterItsProcessIsKilled() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        int[] ports = EmbeddedKafka.freePorts(2);
        child = startStandaloneBroker(dataDir, ports);
        String bootstrap = "127.0.0.1:" + ports[0];
        Map<String, String> written = produce(bootstrap, Topics.PLAYER_EVENTS);

        child.destroyForcibly().waitFor();
        assertFalse(child.isAlive());

        restarted = EmbeddedKafka.start(dataDir, ports[0], ports[1]);

        try (var admin = restarted.admin()) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertTrue(names.containsAll(Topics.ALL), names::toString);
        }
        assertEquals(written, readAll(restarted.bootstrapServers(), Topics.PLAYER_EVENTS, written.size()));
    }

    /** Runs {@link StandaloneBroker} in a JVM of its own, which the test can kill as {@code kill -9} would. */
    private Process startStandaloneBroker(Path dataDir, int[] ports) throws IOException {
        Path log = tmp.resolve("broker.log");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // the test classpath has two slf4j providers; the standalone broker logs through the simple one
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                StandaloneBroker.class.getName(),
                "--port", Integer.toString(ports[0]), "--controller-port", Integer.toString(ports[1]),
                "--data-dir", dataDir.toString(), "--partitions", "2")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("KAFKA READY in " + log).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String output = Files.readString(log);
                    if (!process.isAlive()) {
                        throw new AssertionError("the standalone broker exited with " + process.exitValue() + ":\n" + output);
                    }
                    return output.contains("KAFKA READY 127.0.0.1:" + ports[0]);
                });
        return process;
    }

    /** Writes ten keyed records, each acknowledged by the broker; returns them as key → value. */
    private static Map<String, String> produce(String bootstrap, String topic) throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                String key = "player_" + i;
                String value = "{\"n\":" + i + "}";
                producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
                written.put(key, value);
            }
        }
        return written;
    }

    /** Every record of the topic as key → value, once at least {@code expected} are read; fails on a repeated key. */
    private static Map<String, String> readAll(String bootstrap, String topic, int expected) {
        assertEquals(expected, TopicReader.endOffset(bootstrap, topic), "records stored in " + topic);
        try (TopicReader reader = new TopicReader(bootstrap, topic)) {
            return reader.readUntil(records -> records.size() >= expected, READ_TIMEOUT).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
        }
    }
}
