package io.gameflow.ingest;

import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gameflow.ingest.EventsResourceTest.WAIT;
import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static io.gameflow.ingest.TestEvents.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three reference events of docs/contracts.md, exactly as published, with the age bound widened for their 2024 timestamps. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(SeedExamplesTest.ReplayOldEvents.class)
class SeedExamplesTest {

    public static class ReplayOldEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.ingest.max-event-age", "P10000D");
        }
    }

    @Test
    void theSeedsExamplesAreAcceptedAsTheyAre() {
        String batch = "[" + SeedExamples.playerEvent() + "," + SeedExamples.purchaseEvent() + ","
                + SeedExamples.serverMetricEvent() + "]";

        withKey().contentType("application/json").body(batch)
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(3)).body("rejected", equalTo(0));

        assertLanded(Topics.PLAYER_EVENTS, "player_123", SeedExamples.playerEvent());
        assertLanded(Topics.PURCHASE_EVENTS, "player_123", SeedExamples.purchaseEvent());
        assertLanded(Topics.SERVER_METRICS, "server_1", SeedExamples.serverMetricEvent());
    }

    private static void assertLanded(String topic, String key, String seed) {
        try (TopicReader reader = new TopicReader(bootstrap(), topic)) {
            String value = reader.awaitMatching(r -> key.equals(r.key()), 1, WAIT).get(0).value();
            assertEquals(EventJson.readTree(seed), EventJson.readTree(value));
        }
    }
}
