package io.gameflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gameflow.ingest.EventsResourceTest.WAIT;
import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTTP pull source polls a real web API started by the test, and its events land like posted ones. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(PullSourceTest.PullingTwoUrls.class)
class PullSourceTest {

    public static class PullingTwoUrls implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EventsWebApiResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.ingest.pull.interval", "0.2S");
        }
    }

    @Test
    void pulledJsonAndNdjsonLandOnTheirTopicsAndTheInvalidOnesOnIngestRejected() {
        String id = UUID.randomUUID().toString();
        ObjectNode broken = TestEvents.server("pulled-broken-" + id);
        TestEvents.parameters(broken).put("cpu_load", 400);
        EventsWebApiResource.serveOnce("/events.json", "application/json",
                "[" + TestEvents.player("pulled-" + id) + "," + broken + "]");
        EventsWebApiResource.serveOnce("/events.ndjson", "application/x-ndjson",
                TestEvents.purchase("pulled-" + id) + "\n" + TestEvents.server("pulled-" + id) + "\n");

        try (TopicReader players = new TopicReader(bootstrap(), Topics.PLAYER_EVENTS);
             TopicReader purchases = new TopicReader(bootstrap(), Topics.PURCHASE_EVENTS);
             TopicReader servers = new TopicReader(bootstrap(), Topics.SERVER_METRICS);
             TopicReader rejected = new TopicReader(bootstrap(), Topics.INGEST_REJECTED)) {
            players.awaitMatching(r -> ("pulled-" + id).equals(r.key()), 1, WAIT);
            purchases.awaitMatching(r -> ("pulled-" + id).equals(r.key()), 1, WAIT);
            servers.awaitMatching(r -> ("pulled-" + id).equals(r.key()), 1, WAIT);

            JsonNode copy = EventJson.readTree(rejected.awaitMatching(r -> r.value().contains("pulled-broken-" + id), 1, WAIT)
                    .get(0).value());
            assertEquals("pull", copy.get("source").asText());
            assertEquals(EventsWebApiResource.url("/events.json"), copy.get("url").asText());
            assertEquals(broken, copy.get("event"));
        }
        assertEquals(1, EventsWebApiResource.timesServed("/events.json"), "each body is served once");
        // the API answers [] between bodies: quiet polls, not failed ones
        assertEquals(0, IngestCounts.series("gameflow_ingest_pull_polls_total{outcome=\"failed\"}"));
        assertEquals(0, IngestCounts.rejections("malformed_body"));
    }
}
