package io.gameflow.ingest;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gameflow.ingest.ManagementInterface.management;
import static io.gameflow.ingest.TestEvents.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** No broker listens where ingest writes: a valid event must get 503 with Retry-After, never a false 2xx. */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
class KafkaDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + EmbeddedKafka.freePort(),
                    "gameflow.ingest.kafka-timeout", "PT1S",
                    // the producers retry the missing broker all through the test; one line says it
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
        }
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
        double failedBefore = IngestCounts.of("failed", Topics.PLAYER_EVENTS);
        withKey().contentType(ContentType.JSON).body(TestEvents.player("p-down").toString())
                .when().post("/v1/events")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("kafka_unavailable"))
                .body("message", containsString("send the same body again"));
        assertEquals(failedBefore + 1, IngestCounts.of("failed", Topics.PLAYER_EVENTS));
        assertEquals(0, IngestCounts.of("accepted", Topics.PLAYER_EVENTS));
    }

    @Test
    void isNotReadyWithoutKafka() {
        management().when().get("/q/health/ready").then().statusCode(503);
        management().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void invalidInputIsStill400WithoutKafka() {
        withKey().contentType(ContentType.JSON).body("[]")
                .when().post("/v1/events")
                .then().statusCode(400).body("error", equalTo("malformed_body"));
    }
}
