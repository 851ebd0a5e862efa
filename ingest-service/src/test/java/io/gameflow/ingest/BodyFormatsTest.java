package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.gameflow.ingest.EventsResourceTest.WAIT;
import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static io.gameflow.ingest.TestEvents.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NDJSON and gzip bodies, and the size caps that keep a request's memory bounded. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BodyFormatsTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void ndjsonLinesLandAndABrokenLineIsReportedByItsIndex() {
        String id = UUID.randomUUID().toString();
        String body = TestEvents.player("nd-" + id) + "\n"
                + "{\"event_name\": \"player_action\", \"broken\": \"" + id + "\", \n"
                + "\r\n"
                + TestEvents.server("nd-" + id) + "\r\n";

        withKey().contentType("application/x-ndjson").body(TestEvents.utf8(body))
                .when().post("/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors.index", contains(1)).body("errors[0].message", containsString("not valid JSON"));

        try (TopicReader players = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS);
             TopicReader servers = new TopicReader(bootstrap(), Topics.SERVER_METRICS);
             TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            players.awaitMatching(r -> ("nd-" + id).equals(r.key()), 1, WAIT);
            servers.awaitMatching(r -> ("nd-" + id).equals(r.key()), 1, WAIT);
            String copy = rejected.awaitMatching(r -> r.value().contains(id), 1, WAIT)
                    .get(0).value();
            assertEquals("not_json", EventJson.readTree(copy).get("reason").asText());
        }
    }

    @Test
    void aGzipBodyIsInflatedAndLands() {
        String id = UUID.randomUUID().toString();
        ArrayNode batch = EventJson.mapper().createArrayNode();
        batch.add(TestEvents.purchase("gz-" + id));
        batch.add(TestEvents.player("gz-" + id));

        withKey().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(Gzip.of(batch.toString()))
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(2));

        try (TopicReader purchases = new TopicReader(bootstrap(), Topics.PURCHASE_EVENTS);
             TopicReader players = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS)) {
            assertEquals(batch.get(0), EventJson.readTree(
                    purchases.awaitMatching(r -> ("gz-" + id).equals(r.key()), 1, WAIT).get(0).value()));
            players.awaitMatching(r -> ("gz-" + id).equals(r.key()), 1, WAIT);
        }
    }

    @Test
    void gzippedNdjsonIsAcceptedToo() {
        String id = UUID.randomUUID().toString();
        String body = TestEvents.player("gznd-" + id) + "\n" + TestEvents.player("gznd-" + id) + "\n";

        withKey().contentType("application/x-ndjson; charset=utf-8").header("Content-Encoding", "gzip").body(Gzip.of(body))
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(2));
    }

    @Test
    void aGzipBombIs413NotAnOutOfMemory() {
        byte[] bomb = Gzip.bomb(64 * ONE_MIB);
        assertTrue(bomb.length < 128 * 1024, "the bomb is small on the wire: " + bomb.length);
        double tooLargeBefore = IngestCounts.rejections("too_large");

        withKey().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(bomb)
                .when().post("/v1/events")
                .then().statusCode(413)
                .body("error", equalTo("body_too_large")).body("message", containsString("inflates to more than 1048576"));
        assertEquals(tooLargeBefore + 1, IngestCounts.rejections("too_large"));
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        StringBuilder body = new StringBuilder("[");
        String event = TestEvents.player("big").toString();
        while (body.length() <= ONE_MIB) {
            body.append(event).append(',');
        }
        body.setLength(body.length() - 1);
        body.append(']');

        withKey().contentType(ContentType.JSON).body(body.toString())
                .when().post("/v1/events")
                .then().statusCode(413)
                .body("error", equalTo("body_too_large")).body("message", containsString("at most 1048576 bytes"));
    }

    @Test
    void moreThanAThousandEventsAre413() {
        StringBuilder body = new StringBuilder();
        String event = TestEvents.player("too-many").toString();
        for (int i = 0; i < 1001; i++) {
            body.append(event).append('\n');
        }
        withKey().contentType("application/x-ndjson").body(TestEvents.utf8(body.toString()))
                .when().post("/v1/events")
                .then().statusCode(413).body("error", equalTo("too_many_events")).body("message", containsString("at most 1000"));
    }

    @Test
    void anotherContentTypeOrEncodingIs415() {
        withKey().contentType(ContentType.TEXT).body(TestEvents.player("text").toString())
                .when().post("/v1/events")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type"))
                .body("message", containsString("application/x-ndjson"));
        withKey().contentType(ContentType.JSON).header("Content-Encoding", "br").body(TestEvents.player("br").toString())
                .when().post("/v1/events")
                .then().statusCode(415).body("message", containsString("gzip"));
    }
}
