package io.gameflow.metrics.streams;

import io.gameflow.metrics.config.ShippedRuleBook;
import io.gameflow.metrics.observability.MetricsMeters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.gameflow.metrics.ServerMetricJson.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server metrics that never went through ingest (any producer can write to server-metrics) meet the same identifier
 * rules: a breaking one goes to the dead-letter topic with the field named, and no server, region or alert comes of it.
 */
class UntrustedValuesTopologyTest {

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-untrusted-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(MetricsTopology.build(MetricsTopologyTest.RULES, new MetricsMeters(registry),
                Duration.ofSeconds(1), ShippedRuleBook.limits()), props, Instant.now());
        input = driver.createInputTopic(Topics.SERVER_METRICS, new StringSerializer(), new StringSerializer());
        deadLetters = driver.createOutputTopic(MetricsTopology.DEAD_LETTERS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aServerIdOf200CharactersGoesToTheDeadLetterTopicNamingTheField() {
        String serverId = "s".repeat(200);
        String value = event(serverId, 99, recent());

        input.pipeInput(serverId, value);

        TestRecord<String, String> dead = onlyDeadLetter();
        assertTrue(header(dead, "dlq_error").contains("parameters.server_id"), header(dead, "dlq_error"));
        assertEquals(value, dead.value(), "as received");
        assertEquals(serverId, dead.key());
        assertNoServerKept();
    }

    @Test
    void aRegionWithMarkupGoesToTheDeadLetterTopicNamingTheField() {
        ObjectNode event = (ObjectNode) EventJson.readTree(event("server_1", 50, recent()));
        ((ObjectNode) event.get("server_data")).put("region", "<img src=x onerror=alert(1)>");

        input.pipeInput("server_1", event.toString());

        assertTrue(header(onlyDeadLetter(), "dlq_error").contains("server_data.region"));
        assertNoServerKept();
    }

    private TestRecord<String, String> onlyDeadLetter() {
        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertEquals(1, dead.size(), "one dead letter");
        assertEquals(Topics.SERVER_METRICS, header(dead.get(0), "dlq_topic"));
        assertEquals(1.0, registry.get(MetricsMeters.SKIPPED).counter().count());
        return dead.get(0);
    }

    private void assertNoServerKept() {
        try (var servers = driver.getKeyValueStore(MetricsTopology.SERVER_STORE).all()) {
            assertFalse(servers.hasNext(), "no server state for it");
        }
    }

    private static Instant recent() {
        return Instant.now().minus(Duration.ofMinutes(1));
    }

    private static String header(TestRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
