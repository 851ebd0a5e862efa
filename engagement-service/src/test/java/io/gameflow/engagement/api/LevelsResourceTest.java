package io.gameflow.engagement.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gameflow.engagement.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class LevelsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SKIPPED = Pattern.compile(
            "^gameflow_engagement_records_skipped_total\\{[^}]*topic=\"player-events\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    /** The broker is shared by every test class of this JVM: ids of its own keep a test's cells apart. */
    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static Response levels(String levelId) {
        return given().queryParam("level_id", levelId).when().get("/v1/engagement/levels");
    }

    @Test
    void countsEventsAndDistinctPlayersPerLevelAndMap() {
        String level = unique("level");
        String p1 = unique("p1");
        String p2 = unique("p2");
        Instant latest = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            for (int i = 3; i > 0; i--) {
                producer.send(p1, level, "map-a", latest.minusSeconds(i));
            }
            producer.send(p2, level, "map-a", latest.minusSeconds(5));
            producer.send(p2, level, "map-b", latest);
        }

        List<Map<String, Object>> expected = List.of(
                Map.of("level_id", level, "map_id", "map-a", "events", 4, "players", 2),
                Map.of("level_id", level, "map_id", "map-b", "events", 1, "players", 1));
        await().atMost(WAIT).untilAsserted(() -> {
            Response answer = levels(level);
            assertEquals(200, answer.statusCode(), answer.asString());
            List<Map<String, Object>> counts = answer.jsonPath().<Map<String, Object>>getList("levels").stream()
                    .map(cell -> Map.of("level_id", cell.get("level_id"), "map_id", cell.get("map_id"),
                            "events", cell.get("events"), "players", cell.get("players")))
                    .toList();
            assertEquals(expected, counts);
        });

        String asOf = levels(level).then().statusCode(200).extract().path("as_of");
        assertFalse(Instant.parse(asOf).isBefore(latest), "as_of " + asOf + " is before the latest event " + latest);
    }

    @Test
    void anEventDatedHoursAheadIsCountedAndTheStreamGoesOn() {
        // ingest accepts events up to two days ahead; the broker refuses record timestamps over an hour ahead
        String level = unique("future-level");
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            producer.send(unique("p"), level, "map-a", Instant.now().plus(Duration.ofHours(30)));
            producer.send(unique("p"), level, "map-a", Instant.now());
        }

        await().atMost(WAIT).untilAsserted(() -> levels(level).then().statusCode(200)
                .body("levels[0].events", equalTo(2))
                .body("levels[0].players", equalTo(2)));
    }

    @Test
    void listsEveryLevelWithoutAFilter() {
        String level = unique("level");
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            producer.send(unique("p"), level, "map-a", Instant.now());
        }

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> levels = given().when().get("/v1/engagement/levels")
                    .then().statusCode(200).extract().jsonPath().getList("levels.level_id");
            assertTrue(levels.contains(level), "missing " + level + " in " + levels);
        });
    }

    @Test
    void skipsBadRecordsCountsThemAndKeepsProcessing() {
        String player = unique("p");
        String level = unique("level");
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            // same key as the valid event: same partition, so once it is counted the bad ones were processed
            producer.sendRaw(player, "not JSON at all");
            producer.sendRaw(player, "{\"event_name\":\"player_action\"}");
            producer.send(player, level, "map-a", Instant.now());
        }

        await().atMost(WAIT).untilAsserted(() ->
                assertEquals(List.of(1), levels(level).then().statusCode(200).extract().jsonPath().getList("levels.events")));
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher skipped = SKIPPED.matcher(metrics);
        assertTrue(skipped.find(), "no skipped counter of player-events in /q/metrics");
        assertTrue(Double.parseDouble(skipped.group(1)) >= 2, "skipped: " + skipped.group(1));
    }

    @Test
    void becomesReadyAndDocumentsItself() {
        await().atMost(WAIT).untilAsserted(() -> management().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka Streams running' }.data.state", equalTo("RUNNING")));
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("gameflow_engagement"));
        // the API port serves the API and its description, never health or metrics (the management port's)
        for (String managementOnly : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(managementOnly).then().statusCode(404);
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/engagement/levels"));
    }
}
