package io.gameflow.engagement.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gameflow.engagement.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Kafka Streams never starts here (it waits for a topic nobody creates): the API must say 503, not 500. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(LevelsNotReadyTest.MissingInputTopic.class)
class LevelsNotReadyTest {

    public static class MissingInputTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.kafka-streams.topics", "player-events,engagement-test-never-created");
        }
    }

    @Test
    void answers503WithRetryAfterWhileTheStoreIsNotQueryable() {
        given().when().get("/v1/engagement/levels")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("not_ready"))
                .body("details", hasSize(0));
    }

    @Test
    void theKpisAnswer503WithRetryAfterToo() {
        for (String path : new String[] {"/v1/kpis/daily", "/v1/kpis/retention"}) {
            given().when().get(path).then().statusCode(503).header("Retry-After", "1").body("error", equalTo("not_ready"));
        }
        management().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("gameflow_kpi_daily_active_players{platform=\"all\"} NaN"));
    }

    @Test
    void isNotReady() {
        management().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Kafka Streams running' }.status", equalTo("DOWN"));
    }
}
