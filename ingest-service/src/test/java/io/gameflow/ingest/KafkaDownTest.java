package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
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
        ObjectNode event = (ObjectNode) EventJson.readTree(SeedExamples.playerEvent());
        event.put("event_timestamp", Instant.now().toString());

        double failedBefore = IngestCounts.of("failed", Topics.PLAYER_EVENTS);
        given().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("kafka_unavailable"))
                .body("message", containsString("retry"));
        assertEquals(failedBefore + 1, IngestCounts.of("failed", Topics.PLAYER_EVENTS));
        assertEquals(0, IngestCounts.of("accepted", Topics.PLAYER_EVENTS));
    }

    @Test
    void invalidInputIsStill400WithoutKafka() {
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/v1/events")
                .then().statusCode(400).body("error", equalTo("malformed_body"));
    }
}
