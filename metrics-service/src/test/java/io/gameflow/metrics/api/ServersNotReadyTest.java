package io.gameflow.metrics.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gameflow.metrics.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Kafka Streams never starts here (it waits for a topic nobody creates): the shared not-ready mapper and readiness
 * check of streams-support must be the ones answering, in this service's words.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ServersNotReadyTest.MissingInputTopic.class)
class ServersNotReadyTest {

    public static class MissingInputTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.kafka-streams.topics", "server-metrics,metrics-test-never-created");
        }
    }

    @Test
    void answers503WithRetryAfterWhileTheStoresAreNotQueryable() {
        given().when().get("/v1/regions")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("not_ready"))
                .body("message", startsWith("the server state is not queryable yet"))
                .body("details", hasSize(0));
    }

    @Test
    void isNotReady() {
        management().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Kafka Streams running' }.status", equalTo("DOWN"));
    }
}
