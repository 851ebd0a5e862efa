package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.restassured.RestAssured.given;

/** Events and requests the ingest tests send: the reference events (docs/contracts.md) made fresh and unique, and a keyed request. */
final class TestEvents {

    static final String API_KEY = "test-key-0123456789";
    static final String OTHER_API_KEY = "other-key-9876543210";
    /** Scoped keys: a game client's (player_action, transaction) and a game server's (server_metric). */
    static final String CLIENT_API_KEY = "test-client-scope-key";
    static final String SERVER_API_KEY = "test-server-scope-key";

    private TestEvents() {
    }

    /** A request with the test client's API key (see %test.gameflow.ingest.auth.keys). */
    static RequestSpecification withKey() {
        return given().header("X-API-Key", API_KEY);
    }

    /** The reference player event, now, for {@code playerId}. */
    static ObjectNode player(String playerId) {
        return fresh(SeedExamples.playerEvent(), "parameters", "player_id", playerId);
    }

    /** The reference purchase event, now, for {@code userId}. */
    static ObjectNode purchase(String userId) {
        return fresh(SeedExamples.purchaseEvent(), "user_data", "user_id", userId);
    }

    /** The reference server metric, now, for {@code serverId}. */
    static ObjectNode server(String serverId) {
        return fresh(SeedExamples.serverMetricEvent(), "parameters", "server_id", serverId);
    }

    /** A body as bytes: rest-assured will not encode a String for a content type it does not know, such as NDJSON. */
    static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode parameters(ObjectNode event) {
        return (ObjectNode) event.get("parameters");
    }

    private static ObjectNode fresh(String seed, String keyObject, String keyField, String key) {
        ObjectNode event = (ObjectNode) EventJson.readTree(seed);
        event.put("event_timestamp", Instant.now().toString());
        ((ObjectNode) event.get(keyObject)).put(keyField, key);
        return event;
    }
}
