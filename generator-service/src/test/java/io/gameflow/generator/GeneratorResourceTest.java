package io.gameflow.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventValidator;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;
import java.util.stream.Stream;

import static io.gameflow.generator.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class GeneratorResourceTest {

    private final EventValidator validator = new EventValidator();

    @Test
    void plantsACpuSpikeThatTheTruthNamesAndTheServerMetricsShow() {
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            String server = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().when().get("/v1/generator/truth").then().statusCode(200)
                            .extract().<String>path("incidents.find { it.kind == 'CPU_HOT' }.server_id"),
                    Objects::nonNull);
            try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), EventKind.SERVER_METRIC.defaultTopic())) {
                reader.awaitMatching(r -> server.equals(r.key())
                        && EventJson.readTree(r.value()).at("/parameters/cpu_load").asDouble() > 95, 1, Duration.ofSeconds(60));
            }
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
    }

    @Test
    void plantsFraudActorsThatTheTruthNamesAndWhosePurchasesLand() {
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            given().when().get("/v1/generator/truth").then().statusCode(200)
                    .body("hotspots", hasItems("level_03/map_02"))
                    .body("fraud_actors", hasSize(5))
                    .body("fraud_actors.pattern", hasItems("PURCHASE_BURST", "CURRENCY_HOPPING", "REFUND_ABUSE", "AMOUNT_OUTLIER"));
            String burster = given().when().get("/v1/generator/truth").then()
                    .extract().path("fraud_actors.find { it.pattern == 'PURCHASE_BURST' }.user_id");
            try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), EventKind.TRANSACTION.defaultTopic())) {
                reader.awaitMatching(r -> burster.equals(r.key()), 6, Duration.ofSeconds(60));
            }
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
    }

    @Test
    void sendsKeyedValidEventsToAllThreeTopicsWhileStarted() {
        admin().contentType(ContentType.JSON).body("{\"rate\": 400}").when().put("/v1/generator/rate")
                .then().statusCode(200).body("rate", equalTo(400.0f));
        admin().when().post("/v1/generator/start").then().statusCode(200).body("running", equalTo(true));
        try {
            for (EventKind kind : EventKind.values()) {
                try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), kind.defaultTopic())) {
                    List<ConsumerRecord<String, String>> records = reader.readUntil(read -> read.size() >= 5, Duration.ofSeconds(60));
                    for (ConsumerRecord<String, String> record : records) {
                        JsonNode json = EventJson.readTree(record.value());
                        assertEquals(List.of(), validator.validate(json), record.value());
                        assertEquals(kind.keyOf(json), record.key());
                        assertNotNull(TopicReader.header(record, EventHeaders.EVENT_ID));
                    }
                }
            }
            admin().when().get("/v1/generator").then().statusCode(200)
                    .body("sent_per_topic.'player-events'", greaterThan(0))
                    .body("send_errors", equalTo(0));
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200).body("running", equalTo(false));
        }
    }

    /**
     * Far above what the broker takes on this machine, the generator falls behind its set rate and says so (achieved
     * rate, behind), and loses nothing it counts: no send is refused, and every event counted as sent is in the topics.
     */
    @Test
    void aRateFarAboveWhatTheBrokerTakesSlowsTheGeneratorDownAndLosesNothing() throws Exception {
        awaitNothingInFlight();
        Map<String, Long> sentBefore = sentPerTopic();
        Map<String, Long> inTopicsBefore = recordsInTopics();
        long errorsBefore = admin().when().get("/v1/generator").then().extract().jsonPath().getLong("send_errors");
        admin().contentType(ContentType.JSON).body("{\"rate\": 1000000}").when().put("/v1/generator/rate").then().statusCode(200);
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            Awaitility.await("the generator reports it is behind its set rate").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> admin().when().get("/v1/generator").then()
                            .body("behind", equalTo(true))
                            .body("achieved_rate", greaterThan(0f))
                            .body("achieved_rate", lessThan(1_000_000f)));
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200).body("achieved_rate", nullValue());
            admin().contentType(ContentType.JSON).body("{\"rate\": 50}").when().put("/v1/generator/rate").then().statusCode(200);
        }
        awaitNothingInFlight();
        admin().when().get("/v1/generator").then().body("send_errors", equalTo((int) errorsBefore));
        Map<String, Long> sentAfter = sentPerTopic();
        Map<String, Long> inTopicsAfter = recordsInTopics();
        assertTrue(sentAfter.get("player-events") - sentBefore.get("player-events") > 0, "nothing sent");
        for (String topic : inTopicsAfter.keySet()) {
            assertEquals(sentAfter.get(topic) - sentBefore.get(topic), inTopicsAfter.get(topic) - inTopicsBefore.get(topic),
                    "events counted as sent to " + topic + " vs records that landed there");
        }
    }

    private static void awaitNothingInFlight() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> admin().when().get("/v1/generator").then()
                .extract().<Integer>path("backlog") == 0);
    }

    private static Map<String, Long> sentPerTopic() {
        Map<String, Object> sent = admin().when().get("/v1/generator").then().extract().jsonPath().getMap("sent_per_topic");
        Map<String, Long> counts = new TreeMap<>();
        sent.forEach((topic, count) -> counts.put(topic, ((Number) count).longValue()));
        return counts;
    }

    /** The records in each of the generator's topics: the sum of its partitions' end offsets. */
    private static Map<String, Long> recordsInTopics() throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers()))) {
            Map<String, Long> counts = new TreeMap<>();
            for (EventKind kind : EventKind.values()) {
                String topic = kind.defaultTopic();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
                counts.put(topic, kafka.listOffsets(latest).all().get().values().stream()
                        .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum());
            }
            return counts;
        }
    }

    @Test
    void theTruthsKpisAreThoseOfThePlayerEventsOnTheTopic() {
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().when().get("/v1/generator/truth").then().statusCode(200).extract().<List<Integer>>path("kpis.days.dau"),
                    dau -> dau.stream().anyMatch(players -> players > 0));
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin().when().get("/v1/generator").then()
                .extract().<Integer>path("backlog") == 0);
        long sent = admin().when().get("/v1/generator").then().body("send_errors", equalTo(0))
                .extract().jsonPath().getLong("sent_per_topic.'player-events'");

        // what the topic holds, by UTC day: the players of each day, and the day of each player's first event
        Map<String, Set<String>> playersOfDay = new TreeMap<>();
        Map<String, String> firstDay = new HashMap<>();
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), EventKind.PLAYER_ACTION.defaultTopic())) {
            for (ConsumerRecord<String, String> record : reader.readUntil(read -> read.size() >= sent, Duration.ofSeconds(60))) {
                JsonNode json = EventJson.readTree(record.value());
                String day = json.get("event_timestamp").asText().substring(0, 10);
                playersOfDay.computeIfAbsent(day, d -> new HashSet<>()).add(record.key());
                firstDay.merge(record.key(), day, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        JsonNode kpis = EventJson.readTree(given().when().get("/v1/generator/truth").then().statusCode(200)
                .body("kpis.kpi_zone", equalTo("UTC")).extract().asString()).get("kpis");
        Map<String, Integer> dau = new TreeMap<>();
        Map<String, Integer> newPlayers = new TreeMap<>();
        for (JsonNode day : kpis.get("days")) {
            assertTrue(day.get("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), day::toString);
            assertTrue(day.has("d1") && day.has("d7") && day.has("d1_share") && day.has("d7_share") && day.has("revenue"), day::toString);
            if (day.get("dau").asInt() > 0) {
                dau.put(day.get("date").asText(), day.get("dau").asInt());
            }
            if (day.get("new_players").asInt() > 0) {
                newPlayers.put(day.get("date").asText(), day.get("new_players").asInt());
            }
        }
        Map<String, Integer> expectedDau = new TreeMap<>();
        playersOfDay.forEach((day, players) -> expectedDau.put(day, players.size()));
        Map<String, Integer> expectedNew = new TreeMap<>();
        firstDay.values().forEach(day -> expectedNew.merge(day, 1, Integer::sum));
        assertEquals(expectedDau, dau);
        assertEquals(expectedNew, newPlayers);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("new_players"));
    }

    @Test
    void samplesAreValidEventsOfTheAskedType() {
        String body = given().when().get("/v1/generator/sample?type=server&count=25")
                .then().statusCode(200).body("$", hasSize(25)).extract().asString();
        for (JsonNode event : EventJson.readTree(body)) {
            assertEquals("server_metric", event.get("event_name").asText());
            assertEquals(List.of(), validator.validate(event));
            // stamped with the wall clock, they must never pass for the generator's own servers (server_N), whose
            // clock may run behind: metrics-service would then drop those servers' reports as late
            assertTrue(event.at("/parameters/server_id").asText().startsWith("sample_server_"), event.toString());
        }
    }

    @Test
    void badParametersGet400SayingWhatToFix() {
        given().when().get("/v1/generator/sample?type=monster").then().statusCode(400)
                .body("error", equalTo("bad_request")).body("message", containsString("player, purchase, server"));
        given().when().get("/v1/generator/sample?count=0").then().statusCode(400).body("message", containsString("count"));
        given().when().get("/v1/generator/sample?count=abc").then().statusCode(400).body("message", containsString("whole number"));
        admin().contentType(ContentType.JSON).body("{\"rate\": ").when().put("/v1/generator/rate").then().statusCode(400)
                .body("error", equalTo("bad_request"));
        admin().contentType(ContentType.JSON).body("{\"rate\": -5}").when().put("/v1/generator/rate").then().statusCode(400);
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        management().when().get("/q/health/ready").then().statusCode(200);
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("gameflow_generator_events_total"));
        // the API port serves the API and its description, never health or metrics (the management port's)
        for (String managementOnly : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(managementOnly).then().statusCode(404);
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/generator/sample"));
    }

    @Test
    void streamsSampleEventsAsNdjsonAtTheAskedRate() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/v1/generator/stream?type=server&rate=50")).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        List<String> lines;
        try (Stream<String> body = response.body()) {
            lines = body.filter(line -> !line.isBlank()).limit(20).toList();
        }
        assertEquals(20, lines.size());
        for (String line : lines) {
            JsonNode json = EventJson.readTree(line);
            assertEquals("server_metric", json.get("event_name").asText());
            assertEquals(List.of(), validator.validate(json), line);
        }
    }

    @Test
    void refusesAStreamRateOutOfRange() {
        given().when().get("/v1/generator/stream?type=player&rate=5000")
                .then().statusCode(400).body("message", containsString("between 1 and 1000"));
    }

    @Test
    void theStatusShowsTheClock() {
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            admin().when().get("/v1/generator").then().statusCode(200)
                    .body("clock_speed", equalTo(1.0f)).body("event_time", notNullValue());
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
    }

    @Test
    void controlNeedsTheAdminKeyWhileTheWebApiStaysOpen() {
        given().when().get("/v1/generator").then().statusCode(401)
                .body("error", equalTo("unauthorized")).body("message", containsString("X-Admin-Key"));
        given().header("X-Admin-Key", "guess").when().post("/v1/generator/start").then().statusCode(401);
        given().header("X-Admin-Key", "guess").contentType(ContentType.JSON).body("{\"rate\": 1}")
                .when().put("/v1/generator/rate").then().statusCode(401);
        admin().when().get("/v1/generator").then().statusCode(200).body("running", equalTo(false));
        given().when().get("/v1/generator/truth").then().statusCode(200);
        given().when().get("/v1/generator/sample?type=player&count=1").then().statusCode(200);
    }

    /** A request with the generator's admin key (see %test.gameflow.generator.admin.key). */
    private static RequestSpecification admin() {
        return given().header("X-Admin-Key", "test-admin-key");
    }
}
