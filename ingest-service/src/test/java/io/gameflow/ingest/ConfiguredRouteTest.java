package io.gameflow.ingest;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gameflow.ingest.EventsResourceTest.WAIT;
import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static io.gameflow.ingest.TestEvents.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A studio routes its purchases to a topic of its own; the other event names keep their default topics (docs/contracts.md). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ConfiguredRouteTest.OwnPurchaseTopic.class)
class ConfiguredRouteTest {

    static final String TOPIC = "studio-purchases";

    public static class OwnPurchaseTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            KafkaTestResource.broker().createTopics(List.of(TOPIC), 1);
            return Map.of("gameflow.ingest.routes.transaction", TOPIC);
        }
    }

    @Test
    void purchasesGoToTheConfiguredTopicAndAreCountedUnderIt() {
        String buyer = "routed-" + UUID.randomUUID();
        double before = IngestCounts.of("accepted", TOPIC);

        withKey().contentType(ContentType.JSON).body(TestEvents.purchase(buyer).toString())
                .when().post("/v1/events").then().statusCode(200);

        try (TopicReader reader = new TopicReader(bootstrap(), TOPIC)) {
            reader.awaitMatching(r -> buyer.equals(r.key()), 1, WAIT);
        }
        assertEquals(before + 1, IngestCounts.of("accepted", TOPIC));
    }
}
