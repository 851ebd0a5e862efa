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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Peer key and read keys on, as in the prod overlay: the internal API answers only a request with the peer key, even
 * one with a valid read key (which every browser of the live page holds), while the public API still takes read keys.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(PeerKeyOnTest.PeerKeyOn.class)
class PeerKeyOnTest {

    private static final String READ_KEY = "test-read-key";
    private static final String PEER_KEY = "test-peer-key-of-engagement";

    public static class PeerKeyOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.read-auth.enabled", "true",
                    "gameflow.read-auth.keys", "dashboard:" + READ_KEY,
                    "gameflow.peer-auth.enabled", "true",
                    "gameflow.peer-auth.key", PEER_KEY);
        }
    }

    @Inject
    PeerClient peers;

    @Test
    void theInternalApiRefusesEveryoneWithoutThePeerKey() {
        for (String path : List.of(InternalResource.CELLS, InternalResource.ACTIVE, "/internal/v1/no-such-thing")) {
            given().when().get(path).then().statusCode(403).body("error", equalTo("forbidden"));
            given().header("X-Read-Key", READ_KEY).when().get(path).then().statusCode(403);
            given().header("X-Read-Key", READ_KEY).header("X-Peer-Key", "not-" + PEER_KEY).when().get(path).then().statusCode(403);
        }
    }

    @Test
    void thePublicApiStillTakesReadKeysAlone() {
        given().header("X-Read-Key", READ_KEY).when().get("/v1/dashboard/config").then().statusCode(200);
    }

    @Test
    void anInstanceAsksTheOthersWithThePeerKey() {
        String self = "localhost:" + RestAssured.port;
        await("this instance's internal API, asked as a peer").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> peers.ask(self, InternalResource.CELLS, new TypeReference<List<LevelMapStats>>() { }).isPresent());
        given().header("X-Read-Key", READ_KEY).header("X-Peer-Key", PEER_KEY).when().get(InternalResource.CELLS)
                .then().statusCode(200);
        assertTrue(peers.ask(self, InternalResource.CELLS, new TypeReference<List<LevelMapStats>>() { }).isPresent());
    }
}
