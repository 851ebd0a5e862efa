package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records that never went through ingest (any producer can write to the input topics) meet the same identifier and
 * currency rules: a breaking one goes to the dead-letter topic with the field named, and counts for nothing.
 */
class UntrustedValuesTopologyTest {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        driver = EngagementDriver.open(stateDir, registry, Instant.now());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aPlayerEventWithMarkupInItsLevelIdGoesToTheDeadLetterTopicNamingTheField() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        parameters(event).put("level_id", MARKUP);

        TestRecord<String, String> dead = pipeAndReadDeadLetter(Topics.PLAYER_EVENTS, EngagementTopology.DEAD_LETTERS,
                "player_123", event.toString());

        assertTrue(error(dead).contains("parameters.level_id"), error(dead));
        assertEquals(event.toString(), dead.value(), "as received");
        EngagementDriver.sendLevelMapDeltas(driver);
        try (var cells = driver.getKeyValueStore(EngagementTopology.STATS_STORE).all()) {
            assertFalse(cells.hasNext(), "no level/map cell counts it");
        }
    }

    @Test
    void aPurchaseInAMadeUpCurrencyGoesToTheDeadLetterTopicNamingTheField() {
        ObjectNode event = fresh(SeedExamples.purchaseEvent());
        parameters(event).put("currency", "XXY");

        TestRecord<String, String> dead = pipeAndReadDeadLetter(Topics.PURCHASE_EVENTS, PurchaseTopology.DEAD_LETTERS,
                "player_123", event.toString());

        assertTrue(error(dead).contains("parameters.currency") && error(dead).contains("ISO 4217"), error(dead));
    }

    @Test
    void aPlayerIdOf200CharactersGoesToTheDeadLetterTopicNamingTheField() {
        String longId = "p".repeat(200);
        ObjectNode event = fresh(SeedExamples.playerEvent());
        parameters(event).put("player_id", longId);
        ((ObjectNode) event.get("user_data")).put("user_id", longId);

        TestRecord<String, String> dead = pipeAndReadDeadLetter(Topics.PLAYER_EVENTS, EngagementTopology.DEAD_LETTERS,
                longId, event.toString());

        assertTrue(error(dead).contains("parameters.player_id") && error(dead).contains("user_data.user_id"), error(dead));
    }

    private TestRecord<String, String> pipeAndReadDeadLetter(String inputTopic, String deadLetterTopic, String key, String value) {
        TestInputTopic<String, String> input = driver.createInputTopic(inputTopic, new StringSerializer(), new StringSerializer());
        input.pipeInput(key, value);
        List<TestRecord<String, String>> dead = driver.createOutputTopic(deadLetterTopic, new StringDeserializer(),
                new StringDeserializer()).readRecordsToList();
        assertEquals(1, dead.size(), "one dead letter");
        assertEquals(inputTopic, header(dead.get(0), "dlq_topic"));
        assertEquals(1.0, registry.get(EngagementMeters.DEAD_LETTERED).tag("topic", inputTopic).counter().count());
        return dead.get(0);
    }

    private static String error(TestRecord<String, String> record) {
        return header(record, "dlq_error");
    }

    private static String header(TestRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ObjectNode fresh(String seed) {
        ObjectNode event = (ObjectNode) EventJson.readTree(seed);
        event.put("event_timestamp", Instant.now().minus(Duration.ofMinutes(1)).toString());
        return event;
    }

    private static ObjectNode parameters(ObjectNode event) {
        return (ObjectNode) event.get("parameters");
    }
}
