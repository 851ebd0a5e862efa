package io.gameflow.metrics.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** engagement-service's live page reads server health from the browser: its origin may, any other may not. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardCorsTest {

    @BeforeEach
    void streamsAreRunning() {
        await("the alerts answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/v1/alerts").statusCode() == 200);
    }

    @Test
    void answersTheDashboardsOrigin() {
        given().header("Origin", "http://localhost:8082")
                .when().get("/v1/alerts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8082"));
    }

    @Test
    void refusesAnyOtherOrigin() {
        given().header("Origin", "http://elsewhere.example")
                .when().get("/v1/alerts")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void leavesRequestsWithoutAnOriginAlone() {
        given().when().get("/v1/alerts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
