package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.UUID;

import static io.gameflow.ingest.TestEvents.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients whose clocks run ahead: accepted and counted up to the maximum future, stamped with their receipt time. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ClockSkewIngestTest {

    private static final String SKEWED = "gameflow_ingest_clock_skew_events_total{topic=\"" + Topics.PLAYER_EVENTS + "\"}";

    private static ObjectNode playerAt(String player, Instant time) {
        ObjectNode event = TestEvents.player(player);
        event.put("event_timestamp", time.toString());
        return event;
    }

    @Test
    void anEventADayAheadIsAcceptedAsSentStampedWithItsReceiptTimeAndCounted() {
        String player = "day-ahead-" + UUID.randomUUID();
        Instant dayAhead = Instant.now().plus(Duration.ofDays(1));
        ObjectNode event = playerAt(player, dayAhead);
        double before = IngestCounts.series(SKEWED);

        Instant sent = Instant.now();
        withKey().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        Instant answered = Instant.now();

        try (TopicReader reader = new TopicReader(EventsResourceTest.bootstrap(), Topics.PLAYER_EVENTS)) {
            ConsumerRecord<String, String> record = reader.awaitMatching(r -> player.equals(r.key()), 1, EventsResourceTest.WAIT).get(0);
            assertEquals(event, EventJson.readTree(record.value()), "the client's event_timestamp is kept as sent");
            Instant stamped = Instant.ofEpochMilli(record.timestamp());
            assertTrue(!stamped.isBefore(sent.minusMillis(1)) && !stamped.isAfter(answered),
                    "the record carries its receipt time " + stamped + ", between " + sent + " and " + answered);
        }
        assertEquals(before + 1, IngestCounts.series(SKEWED));
    }

    @Test
    void anEventWithinTheSkewIsNotCountedAsSkewed() {
        double before = IngestCounts.series(SKEWED);
        withKey().contentType(ContentType.JSON).body(playerAt("ahead-" + UUID.randomUUID(), Instant.now().plusSeconds(60)).toString())
                .when().post("/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        assertEquals(before, IngestCounts.series(SKEWED));
    }

    @Test
    void anEventBeyondTheMaximumFutureIsRefusedWithTheReason() {
        withKey().contentType(ContentType.JSON)
                .body(playerAt("far-ahead-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(3))).toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors[0].path", equalTo("event_timestamp"))
                .body("errors[0].message", containsString("in the future"));
    }
}
