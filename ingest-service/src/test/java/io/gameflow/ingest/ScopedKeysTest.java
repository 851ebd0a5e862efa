package io.gameflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.gameflow.ingest.EventsResourceTest.WAIT;
import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A key names what it may send (%test.gameflow.ingest.auth.keys: game-client has the client scope, game-server the
 * server scope): a key pulled out of a game client cannot report server health, nor a server's key buy things.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ScopedKeysTest {

    @Test
    void aClientKeyPostingOnlyServerMetricsIsRefusedWith403AndTheEventsAreCopiedToIngestRejected() {
        String server = "forbidden-" + UUID.randomUUID();
        double forbiddenBefore = IngestCounts.rejections("forbidden_event_kind");
        double rejectedBefore = IngestCounts.of("rejected", Topics.SERVER_METRICS);

        as(TestEvents.CLIENT_API_KEY).body(TestEvents.server(server).toString())
                .when().post("/v1/events")
                .then().statusCode(403)
                .body("error", equalTo("forbidden_event_kind"))
                .body("message", containsString("player_action, transaction"))
                .body("accepted", equalTo(0)).body("rejected", equalTo(1)).body("event_ids", hasSize(0))
                .body("errors.index", contains(0)).body("errors.path", contains("event_name"))
                .body("errors[0].message", containsString("not server_metric"));

        assertEquals(forbiddenBefore + 1, IngestCounts.rejections("forbidden_event_kind"));
        assertEquals(rejectedBefore + 1, IngestCounts.of("rejected", Topics.SERVER_METRICS));
        JsonNode copy = rejectedCopyOf(server);
        assertEquals("forbidden_event_kind", copy.get("reason").asText());
        assertEquals("game-client", copy.get("api_key").asText());
        assertEquals(server, copy.at("/event/parameters/server_id").asText());
        assertEquals("event_name", copy.at("/errors/0/path").asText());
    }

    @Test
    void aClientKeysMixedBatchIsWrittenExceptItsServerMetricWhichIsListedLikeAnInvalidEvent() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        batch.add(TestEvents.player("player-" + id));
        batch.add(TestEvents.server("server-" + id));
        batch.add(TestEvents.purchase("buyer-" + id));

        as(TestEvents.CLIENT_API_KEY).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1)).body("event_ids", hasSize(2))
                .body("errors.index", contains(1)).body("errors.path", contains("event_name"));

        try (TopicReader players = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS);
             TopicReader purchases = new TopicReader(bootstrap(), Topics.PURCHASE_EVENTS);
             TopicReader servers = new TopicReader(bootstrap(), Topics.SERVER_METRICS)) {
            players.awaitMatching(r -> ("player-" + id).equals(r.key()), 1, WAIT);
            purchases.awaitMatching(r -> ("buyer-" + id).equals(r.key()), 1, WAIT);
            assertEquals("forbidden_event_kind", rejectedCopyOf("server-" + id).get("reason").asText());
            // the answer came after Kafka acknowledged what was written: all of it is below today's end offsets
            long end = TopicReader.endOffset(bootstrap(), Topics.SERVER_METRICS);
            List<ConsumerRecord<String, String>> written = servers.readUntil(read -> read.size() >= end, WAIT);
            assertEquals(0, written.stream().filter(r -> ("server-" + id).equals(r.key())).count(), "not on server-metrics");
        }
    }

    @Test
    void aServerKeyMaySendServerMetricsAndNothingElse() {
        String server = "allowed-" + UUID.randomUUID();
        as(TestEvents.SERVER_API_KEY).body(TestEvents.server(server).toString())
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        try (TopicReader servers = new TopicReader(bootstrap(), Topics.SERVER_METRICS)) {
            servers.awaitMatching(r -> server.equals(r.key()), 1, WAIT);
        }

        String buyer = "server-buys-" + UUID.randomUUID();
        as(TestEvents.SERVER_API_KEY).body(TestEvents.purchase(buyer).toString())
                .when().post("/v1/events")
                .then().statusCode(403).body("error", equalTo("forbidden_event_kind"))
                .body("errors[0].message", containsString("may send server_metric, not transaction"));
        assertEquals("game-server", rejectedCopyOf(buyer).get("api_key").asText());
    }

    @Test
    void anInvalidEventBesideAForbiddenOneMakesIt400NotAnAuthorizationProblem() {
        ObjectNode broken = TestEvents.player("broken-" + UUID.randomUUID());
        TestEvents.parameters(broken).put("level_id", "<b>");
        ArrayNode batch = EventJson.mapper().createArrayNode().add(broken).add(TestEvents.server("s-" + UUID.randomUUID()));

        as(TestEvents.CLIENT_API_KEY).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(400).body("error", equalTo("no_valid_events"))
                .body("errors.path", contains("parameters.level_id", "event_name"));
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("X-API-Key", apiKey).contentType(ContentType.JSON);
    }

    private static JsonNode rejectedCopyOf(String marker) {
        try (TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            return EventJson.readTree(rejected.awaitMatching(r -> r.value().contains(marker), 1, WAIT).get(0).value());
        }
    }
}
