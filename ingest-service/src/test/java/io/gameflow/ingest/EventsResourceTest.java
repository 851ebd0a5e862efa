package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EventsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A seed example with a fresh timestamp and a unique player, so each test finds its own records. */
    private static ObjectNode event(String seed, String keyObject, String keyField, String key) {
        ObjectNode event = (ObjectNode) EventJson.readTree(seed);
        event.put("event_timestamp", Instant.now().toString());
        ((ObjectNode) event.get(keyObject)).put(keyField, key);
        return event;
    }

    @Test
    void writesOneEventToItsTopicKeyedByPlayerWithItsEventId() {
        String player = "player-" + UUID.randomUUID();
        ObjectNode event = event(SeedExamples.playerEvent(), "parameters", "player_id", player);

        String eventId = given().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(0)).body("event_ids", hasSize(1))
                .extract().path("event_ids[0]");

        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.PLAYER_EVENTS)) {
            ConsumerRecord<String, String> record = reader.awaitMatching(r -> player.equals(r.key()), 1, WAIT).get(0);
            assertEquals(eventId, TopicReader.header(record, EventHeaders.EVENT_ID));
            assertEquals(event, EventJson.readTree(record.value()));
        }
    }

    @Test
    void routesAMixedBatchByEventNameAndReportsTheInvalidOnes() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        batch.add(event(SeedExamples.purchaseEvent(), "user_data", "user_id", "buyer-" + id));
        ObjectNode broken = event(SeedExamples.serverMetricEvent(), "parameters", "server_id", "broken-" + id);
        ((ObjectNode) broken.get("parameters")).put("cpu_load", 180);
        batch.add(broken);
        batch.add(event(SeedExamples.serverMetricEvent(), "parameters", "server_id", "server-" + id));

        given().contentType(ContentType.JSON).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors.index", contains(1)).body("errors.path", contains("parameters.cpu_load"));

        String bootstrap = KafkaTestResource.broker().bootstrapServers();
        try (TopicReader purchases = new TopicReader(bootstrap, Topics.PURCHASE_EVENTS);
             TopicReader servers = new TopicReader(bootstrap, Topics.SERVER_METRICS)) {
            purchases.awaitMatching(r -> ("buyer-" + id).equals(r.key()), 1, WAIT);
            List<ConsumerRecord<String, String>> written = servers.readUntil(
                    read -> read.stream().anyMatch(r -> ("server-" + id).equals(r.key())), WAIT);
            assertEquals(0, written.stream().filter(r -> ("broken-" + id).equals(r.key())).count());
        }
    }

    @Test
    void answers400WithEveryPathWhenNothingIsValid() {
        ObjectNode event = event(SeedExamples.playerEvent(), "parameters", "player_id", "p1");
        ((ObjectNode) event.get("parameters")).remove("level_id");
        event.put("event_timestamp", "yesterday");

        given().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors.path", contains("event_timestamp", "parameters.level_id"));
    }

    @Test
    void answers400ForABodyThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"event_name\": ")
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("error", equalTo("malformed_body")).body("message", containsString("not valid JSON"));
    }

    @Test
    void answers400ForAnUnknownEventName() {
        ObjectNode event = event(SeedExamples.playerEvent(), "parameters", "player_id", "p2");
        event.put("event_name", "login");

        given().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors[0].path", equalTo("event_name"))
                .body("errors[0].message", containsString("player_action"));
    }

    @Test
    void aBatchOfTheMaximumSizeLandsWhole() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        for (int i = 0; i < 1000; i++) {
            batch.add(event(SeedExamples.playerEvent(), "parameters", "player_id", "bulk-" + id + "-" + (i % 50)));
        }

        double acceptedBefore = IngestCounts.of("accepted", Topics.PLAYER_EVENTS);
        given().contentType(ContentType.JSON).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1000)).body("event_ids", hasSize(1000));

        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.PLAYER_EVENTS)) {
            reader.awaitMatching(r -> r.key().startsWith("bulk-" + id), 1000, WAIT);
        }
        assertEquals(acceptedBefore + 1000, IngestCounts.of("accepted", Topics.PLAYER_EVENTS));
    }

    @Test
    void answers413OverTheMaximumNumberOfEvents() {
        ArrayNode batch = EventJson.mapper().createArrayNode();
        for (int i = 0; i < 1001; i++) {
            batch.add(event(SeedExamples.playerEvent(), "parameters", "player_id", "too-many"));
        }
        given().contentType(ContentType.JSON).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(413).body("error", equalTo("too_many_events")).body("message", containsString("at most 1000"));
    }

    @Test
    void answers415ForABodyThatIsNotDeclaredJson() {
        given().contentType(ContentType.TEXT).body(SeedExamples.playerEvent())
                .when().post("/v1/events")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void countsRejectedEventsByTopic() {
        ObjectNode event = event(SeedExamples.serverMetricEvent(), "parameters", "server_id", "s-rejected");
        ((ObjectNode) event.get("parameters")).put("latency", -1);
        double rejectedBefore = IngestCounts.of("rejected", Topics.SERVER_METRICS);
        given().contentType(ContentType.JSON).body(event.toString()).when().post("/v1/events").then().statusCode(400);

        assertEquals(rejectedBefore + 1, IngestCounts.of("rejected", Topics.SERVER_METRICS));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/events"));
    }
}
