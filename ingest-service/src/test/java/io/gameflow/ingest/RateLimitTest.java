package io.gameflow.ingest;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gameflow.ingest.TestEvents.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bucket of 5 events that refills at one event per 100 s: the second request of the test cannot have
 * earned a token back, however slow the machine.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(RateLimitTest.TinyBucket.class)
class RateLimitTest {

    public static class TinyBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.ingest.rate-limit.events-per-second", "0.01",
                    "gameflow.ingest.rate-limit.burst", "5");
        }
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() {
        String fiveEvents = (TestEvents.player("limited") + "\n").repeat(5);
        withKey().contentType("application/x-ndjson").body(TestEvents.utf8(fiveEvents))
                .when().post("/v1/events").then().statusCode(200).body("accepted", equalTo(5));
        double limitedBefore = IngestCounts.rejections("rate_limited");

        String retryAfter = withKey().contentType("application/json").body(TestEvents.player("limited").toString())
                .when().post("/v1/events")
                .then().statusCode(429)
                .body("error", equalTo("rate_limited")).body("message", containsString("'test-client'"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 90, "Retry-After " + retryAfter + " s, for one token at 0.01/s");
        assertEquals(limitedBefore + 1, IngestCounts.rejections("rate_limited"));

        given().header("X-API-Key", TestEvents.OTHER_API_KEY).contentType("application/json")
                .body(TestEvents.player("other").toString())
                .when().post("/v1/events").then().statusCode(200);
    }
}
