package io.gameflow.metrics.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.streams.support.query.PeerClient;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.metrics.domain.RegionState;
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

import static io.gameflow.metrics.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read keys on: the query API and the internal API want a key, health and metrics do not, and the live page's
 * origin may send the key from the browser.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ReadKeysOnTest.KeysOn.class)
class ReadKeysOnTest {

    private static final String KEY = "test-read-key";
    private static final String PAGE_ORIGIN = "http://localhost:8082";

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
        for (String path : List.of("/v1/regions", "/v1/alerts", "/v1/servers/no-such-server", "/internal/v1/regions")) {
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
        await("the regions answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("X-Read-Key", KEY).when().get("/v1/regions").statusCode() == 200);
        given().header("X-Read-Key", "another-read-key").when().get("/v1/alerts").then().statusCode(200);
    }

    @Test
    void leavesHealthAndMetricsOpen() {
        // health answers for itself: 200, or 503 while Kafka Streams is still starting, but never the filter's 401
        management().when().get("/q/health/live").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(503))).body("checks", org.hamcrest.Matchers.notNullValue());
        management().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void letsTheLivePageSendTheKeyFromTheBrowser() {
        // the browser's preflight carries no key: it must be answered, and must allow the header
        given().header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept,x-read-key")
                .when().options("/v1/regions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE_ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("X-Read-Key"));
        await("the regions answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Origin", PAGE_ORIGIN).header("X-Read-Key", KEY).when().get("/v1/regions")
                        .statusCode() == 200);
        given().header("Origin", PAGE_ORIGIN).header("X-Read-Key", KEY).when().get("/v1/regions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalToIgnoringCase(PAGE_ORIGIN));
    }

    @Test
    void anInstanceAsksTheOthersWithItsKey() {
        String self = "localhost:" + RestAssured.port;
        TypeReference<Map<String, RegionState>> regions = new TypeReference<>() { };
        await("this instance's internal API, asked as a peer").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> peers.ask(self, InternalResource.REGIONS, regions).isPresent());
        given().when().get(InternalResource.REGIONS).then().statusCode(401);
        assertTrue(peers.ask(self, InternalResource.REGIONS, regions).isPresent());
    }
}
