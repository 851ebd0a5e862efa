package io.gameflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.gameflow.ingest.ManagementInterface.management;
import static io.gameflow.ingest.TestEvents.parameters;
import static io.gameflow.ingest.TestEvents.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EventsResourceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static String bootstrap() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    @Test
    void writesOneEventToItsTopicKeyedByPlayerWithItsEventId() {
        String player = "player-" + UUID.randomUUID();
        ObjectNode event = TestEvents.player(player);

        String eventId = withKey().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(0)).body("event_ids", hasSize(1))
                .extract().path("event_ids[0]");

        try (TopicReader reader = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS)) {
            ConsumerRecord<String, String> record = reader.awaitMatching(r -> player.equals(r.key()), 1, WAIT).get(0);
            assertEquals(eventId, TopicReader.header(record, EventHeaders.EVENT_ID));
            assertEquals(event, EventJson.readTree(record.value()));
        }
    }

    @Test
    void routesAMixedBatchByEventNameAndCopiesTheInvalidOneToIngestRejected() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        batch.add(TestEvents.purchase("buyer-" + id));
        ObjectNode broken = TestEvents.server("broken-" + id);
        parameters(broken).put("cpu_load", 180);
        batch.add(broken);
        batch.add(TestEvents.server("server-" + id));
        batch.add(TestEvents.player("player-" + id));

        given().header("X-API-Key", TestEvents.OTHER_API_KEY).contentType(ContentType.JSON).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(1)).body("event_ids", hasSize(3))
                .body("errors.index", contains(1)).body("errors.path", contains("parameters.cpu_load"));

        try (TopicReader purchases = new TopicReader(bootstrap(), Topics.PURCHASE_EVENTS);
             TopicReader players = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS);
             TopicReader servers = new TopicReader(bootstrap(), Topics.SERVER_METRICS);
             TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            purchases.awaitMatching(r -> ("buyer-" + id).equals(r.key()), 1, WAIT);
            players.awaitMatching(r -> ("player-" + id).equals(r.key()), 1, WAIT);
            List<ConsumerRecord<String, String>> written = servers.readUntil(
                    read -> read.stream().anyMatch(r -> ("server-" + id).equals(r.key())), WAIT);
            assertEquals(0, written.stream().filter(r -> ("broken-" + id).equals(r.key())).count());

            JsonNode copy = EventJson.readTree(rejected.awaitMatching(r -> r.value().contains("broken-" + id), 1, WAIT).get(0).value());
            assertEquals(broken, copy.get("event"));
            assertEquals("invalid_event", copy.get("reason").asText());
            assertEquals(1, copy.get("index").asInt());
            assertEquals("parameters.cpu_load", copy.at("/errors/0/path").asText());
            assertEquals("other-client", copy.get("api_key").asText());
            assertEquals("http", copy.get("source").asText());
            assertNotNull(copy.get("received_at"));
        }
    }

    @Test
    void aRetriedIdenticalBatchGetsIdenticalEventIds() {
        ArrayNode batch = EventJson.mapper().createArrayNode();
        batch.add(TestEvents.player("retry-" + UUID.randomUUID()));
        ObjectNode withOwnId = TestEvents.purchase("retry-" + UUID.randomUUID());
        String ownId = UUID.randomUUID().toString();
        withOwnId.put("event_id", ownId);
        batch.add(withOwnId);

        List<String> first = withKey().contentType(ContentType.JSON).body(batch.toString()).when().post("/v1/events")
                .then().statusCode(200).extract().path("event_ids");
        List<String> second = withKey().contentType(ContentType.JSON).body(batch.toString()).when().post("/v1/events")
                .then().statusCode(200).extract().path("event_ids");

        assertEquals(first, second);
        assertEquals(ownId, first.get(1));
    }

    @Test
    void answers400WithEveryPathWhenNothingIsValid() {
        ObjectNode event = TestEvents.player("p1");
        parameters(event).remove("level_id");
        event.put("event_timestamp", "yesterday");

        withKey().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1)).body("event_ids", hasSize(0))
                .body("error", equalTo("no_valid_events"))
                .body("errors.path", contains("event_timestamp", "parameters.level_id"));
    }

    @Test
    void anUnknownEventNameIsAnErrorNamingTheAcceptedOnesAndIsCopiedWithItsReason() {
        String player = "unknown-name-" + UUID.randomUUID();
        ObjectNode event = TestEvents.player(player);
        event.put("event_name", "login");

        withKey().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors[0].path", equalTo("event_name"))
                .body("errors[0].message", containsString("player_action, transaction, server_metric"));

        try (TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            JsonNode copy = EventJson.readTree(rejected.awaitMatching(r -> r.value().contains(player), 1, WAIT).get(0).value());
            assertEquals("unknown_event_name", copy.get("reason").asText());
            assertEquals("test-client", copy.get("api_key").asText());
        }
    }

    @Test
    void aBatchOfTheMaximumSizeLandsWhole() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        for (int i = 0; i < 1000; i++) {
            batch.add(TestEvents.player("bulk-" + id + "-" + (i % 50)));
        }

        double acceptedBefore = IngestCounts.of("accepted", Topics.PLAYER_EVENTS);
        withKey().contentType(ContentType.JSON).body(batch.toString())
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1000)).body("event_ids", hasSize(1000));

        try (TopicReader reader = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS)) {
            reader.awaitMatching(r -> r.key().startsWith("bulk-" + id), 1000, WAIT);
        }
        assertEquals(acceptedBefore + 1000, IngestCounts.of("accepted", Topics.PLAYER_EVENTS));
    }

    @Test
    void countsRejectedEventsByTopicAndReason() {
        ObjectNode event = TestEvents.server("s-rejected");
        parameters(event).put("latency", -1);
        double rejectedBefore = IngestCounts.of("rejected", Topics.SERVER_METRICS);
        double invalidBefore = IngestCounts.rejections("invalid_event");

        withKey().contentType(ContentType.JSON).body(event.toString()).when().post("/v1/events").then().statusCode(400);

        assertEquals(rejectedBefore + 1, IngestCounts.of("rejected", Topics.SERVER_METRICS));
        assertEquals(invalidBefore + 1, IngestCounts.rejections("invalid_event"));
    }

    @Test
    void aBodyWithoutEventsIsCountedOnceAndCopiedToIngestRejected() {
        String marker = "not-json-" + UUID.randomUUID();
        double before = IngestCounts.rejections("malformed_body");

        withKey().contentType(ContentType.JSON).body("{\"" + marker + "\": ")
                .when().post("/v1/events")
                .then().statusCode(400).body("error", equalTo("malformed_body")).body("message", containsString("line: 1"));

        assertEquals(before + 1, IngestCounts.rejections("malformed_body"));
        try (TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            JsonNode copy = EventJson.readTree(rejected.awaitMatching(r -> r.value().contains(marker), 1, WAIT).get(0).value());
            assertEquals("malformed_body", copy.get("reason").asText());
            assertEquals("{\"" + marker + "\": ", copy.get("text").asText());
        }
    }

    @Test
    void timesRequestsAndKafkaAcknowledgements() {
        double requestsBefore = IngestCounts.series("gameflow_ingest_request_seconds_count{status=\"200\"}");
        double acksBefore = IngestCounts.series("gameflow_ingest_kafka_ack_seconds_count");

        withKey().contentType(ContentType.JSON).body(TestEvents.player("timed").toString())
                .when().post("/v1/events").then().statusCode(200);

        assertEquals(requestsBefore + 1, IngestCounts.series("gameflow_ingest_request_seconds_count{status=\"200\"}"));
        assertEquals(acksBefore + 1, IngestCounts.series("gameflow_ingest_kafka_ack_seconds_count"));
        assertEquals(0, IngestCounts.series("gameflow_ingest_requests_in_flight"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        management().when().get("/q/health/ready").then().statusCode(200);
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200);
        // the API port serves the API and its description, never health or metrics (the management port's)
        for (String managementOnly : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(managementOnly).then().statusCode(404);
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/events")).body(containsString("application/x-ndjson"))
                .body(containsString("\"429\"")).body(containsString("\"401\""));
    }
}
