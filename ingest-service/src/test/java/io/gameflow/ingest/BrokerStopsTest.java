package io.gameflow.ingest;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gameflow.ingest.TestEvents.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The broker ingest writes to goes away while ingest runs: from then on 503 with Retry-After, and not ready. */
@QuarkusTest
@TestProfile(BrokerStopsTest.OwnBroker.class)
class BrokerStopsTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecondBrokerResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.ingest.kafka-timeout", "PT1S",
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
        }
    }

    @Test
    void answers503AndTurnsNotReadyOnceTheBrokerStops() {
        String player = "before-stop-" + UUID.randomUUID();
        withKey().contentType(ContentType.JSON).body(TestEvents.player(player).toString())
                .when().post("/v1/events").then().statusCode(200);
        try (TopicReader reader = new TopicReader(SecondBrokerResource.broker().bootstrapServers(), Topics.PLAYER_EVENTS)) {
            reader.awaitMatching(r -> player.equals(r.key()), 1, Duration.ofSeconds(30));
        }
        given().when().get("/q/health/ready").then().statusCode(200);

        SecondBrokerResource.broker().stop();

        withKey().contentType(ContentType.JSON).body(TestEvents.player("after-stop").toString())
                .when().post("/v1/events")
                .then().statusCode(503).header("Retry-After", equalTo("5")).body("error", equalTo("kafka_unavailable"))
                .body("message", notNullValue());
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
    }
}
