package io.gameflow.engagement.api;

import io.gameflow.streams.support.query.PeerClient;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gameflow.engagement.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read keys on: the query API and the internal API want a key; health, metrics and the page do not. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ReadKeysOnTest.KeysOn.class)
class ReadKeysOnTest {

    private static final String KEY = "test-read-key";

    public static class KeysOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.read-auth.enabled", "true",
                    "gameflow.read-auth.keys", "dashboard:" + KEY + ",ops:another-read-key");
        }
    }

    @Inject
    PeerClient peers;

    @Test
    void answers401WithAReasonWithoutAValidKey() {
        for (String path : List.of("/v1/dashboard/config", "/v1/engagement/levels", "/v1/no-such-thing", "/internal/v1/cells")) {
            given().when().get(path).then().statusCode(401)
                    .contentType(containsString("application/json"))
                    .body("error", equalTo("unauthorized"))
                    .body("message", equalTo("this API needs a read key: send it in the X-Read-Key header"));
            given().header("X-Read-Key", "not-" + KEY).when().get(path).then().statusCode(401)
                    .body("message", equalTo("the read key in X-Read-Key is not valid"));
        }
    }

    @Test
    void answersWithAnyConfiguredKey() {
        given().header("X-Read-Key", KEY).when().get("/v1/dashboard/config").then().statusCode(200)
                .body("metrics_url", equalTo("http://localhost:8083"));
        await("the levels answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("X-Read-Key", "another-read-key").when().get("/v1/engagement/levels")
                        .statusCode() == 200);
    }

    @Test
    void leavesHealthMetricsAndThePageOpen() {
        // health answers for itself: 200, or 503 while Kafka Streams is still starting, but never the filter's 401
        management().when().get("/q/health/live").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(503))).body("checks", org.hamcrest.Matchers.notNullValue());
        management().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
    }

    @Test
    void anInstanceAsksTheOthersWithItsKey() {
        String self = "localhost:" + RestAssured.port;
        await("this instance's internal API, asked as a peer").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> peers.ask(self, InternalResource.CELLS, new TypeReference<List<LevelMapStats>>() { }).isPresent());
        given().when().get(InternalResource.CELLS).then().statusCode(401);
        assertTrue(peers.ask(self, InternalResource.CELLS, new TypeReference<List<LevelMapStats>>() { }).isPresent());
    }
}
