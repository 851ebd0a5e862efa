package io.gameflow.metrics.api;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.metrics.MetricsSender;
import io.gameflow.kafka.embedded.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.quarkus.test.common.WithTestResource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gameflow.metrics.ManagementInterface.management;
import static io.gameflow.metrics.ServerMetricJson.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ServersResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SKIPPED = Pattern.compile(
            "(?m)^gameflow_metrics_records_skipped_total\\{[^}]*topic=\"server-metrics\"[^}]*} (\\S+)$");

    private static final MetricsSender sender = MetricsSender.toTestBroker();
    private static final int FLOOD = 2_000;
    private static final int MAX_PAGES = 100;

    private static void send(String key, String value) {
        sender.send(key, value);
    }

    private static void send(int partition, String key, String value) {
        sender.send(partition, key, value);
    }

    private static int partitionOf(String key) {
        return sender.partitionOf(key);
    }

    private static String unique(String prefix) {
        return MetricsSender.unique(prefix);
    }

    @Test
    void showsTheLatestSampleByEventTimeEvenWhenAnOlderOneArrivesLast() {
        String server = unique("latest");
        String marker = unique("marker");
        int partition = partitionOf(server);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(partition, server, event(server, "eu-central", 70, 55, 120, t0.plusSeconds(10)));
        send(partition, server, event(server, "eu-central", 20, 30, 40, t0));
        // same partition, so processed after the late sample: once it shows, the late sample has been processed
        send(partition, marker, event(marker, 1, t0));

        await().atMost(WAIT).untilAsserted(() ->
                given().get("/v1/servers/{id}", marker).then().statusCode(200));

        given().get("/v1/servers/{id}", server).then().statusCode(200)
                .body("server_id", equalTo(server))
                .body("region", equalTo("eu-central"))
                .body("server_type", equalTo("dedicated"))
                .body("cpu_load", equalTo(70.0f))
                .body("memory_usage", equalTo(55.0f))
                .body("latency", equalTo(120.0f))
                .body("last_seen", equalTo(t0.plusSeconds(10).toString()))
                .body("as_of", notNullValue());
        assertEquals(70.0f, allServers(Map.of()).get(server).get("cpu_load"));
    }

    @Test
    void listsServersSortedByIdAndFiltersByRegion() {
        String prefix = unique("list");
        String regionA = unique("region");
        String regionB = unique("region");
        Instant now = Instant.now();
        send(prefix + "-c", event(prefix + "-c", regionA, 30, 30, 30, now));
        send(prefix + "-a", event(prefix + "-a", regionA, 10, 10, 10, now));
        send(prefix + "-b", event(prefix + "-b", regionB, 20, 20, 20, now));

        await().atMost(WAIT).untilAsserted(() ->
                given().queryParam("region", regionA).get("/v1/servers").then().statusCode(200)
                        .body("servers.server_id", contains(prefix + "-a", prefix + "-c"))
                        .body("servers.region", contains(regionA, regionA))
                        .body("as_of", notNullValue()));
        given().queryParam("region", regionB).get("/v1/servers").then().statusCode(200)
                .body("servers.server_id", contains(prefix + "-b"));
        given().queryParam("region", unique("nowhere")).get("/v1/servers").then().statusCode(200)
                .body("servers", empty());

        List<String> all = new ArrayList<>(allServers(Map.of()).keySet());
        assertTrue(all.containsAll(List.of(prefix + "-a", prefix + "-b", prefix + "-c")), "every server is on a page");
        assertEquals(all.stream().sorted().toList(), all, "servers sorted by server_id");
    }

    @Test
    void aFloodOfServersPagesThroughEachOnceAndEnds() {
        String region = unique("flood");
        List<String> flood = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < FLOOD; i++) {
            String server = sender.serverAwayFromTheFuture("flood");
            flood.add(server);
            send(server, event(server, region, 10, 10, 10, now));
        }
        await().atMost(WAIT).untilAsserted(() -> assertEquals(FLOOD, allServers(Map.of("region", region), 300).size()));

        List<String> paged = new ArrayList<>(allServers(Map.of("region", region), 300).keySet());
        assertEquals(flood.stream().sorted().toList(), paged, "every server once, in server_id order");
        Map<String, Map<String, Object>> everyServer = allServers(Map.of(), 1_000);
        assertTrue(everyServer.keySet().containsAll(flood), "the unfiltered pages hold them too");
    }

    @Test
    void badPagingParametersGet400SayingWhatToFix() {
        for (String limit : List.of("0", "1001", "ten", "-5")) {
            given().queryParam("limit", limit).get("/v1/servers").then().statusCode(400)
                    .body("error", equalTo("bad_request"))
                    .body("message", containsString("limit must be a whole number from 1 to 1000"));
        }
        for (String cursor : List.of("not base64!", "AAAA", "c2VydmVyXzE=")) {
            given().queryParam("cursor", cursor).get("/v1/servers").then().statusCode(400)
                    .body("message", containsString("cursor must be a next_cursor of an earlier answer"));
        }
    }

    /** Every server of the list with these filters, by id in page order, walking the pages to the end. */
    private static Map<String, Map<String, Object>> allServers(Map<String, String> filters) {
        return allServers(filters, ServerPaging.DEFAULT_LIMIT);
    }

    private static Map<String, Map<String, Object>> allServers(Map<String, String> filters, int limit) {
        Map<String, Map<String, Object>> servers = new LinkedHashMap<>();
        String cursor = null;
        for (int pages = 1; ; pages++) {
            assertTrue(pages <= MAX_PAGES, "paging must end");
            var request = given().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/servers").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> onPage = page.getList("servers");
            assertTrue(onPage.size() <= limit, "at most limit per page");
            for (Map<String, Object> server : onPage) {
                assertNull(servers.put((String) server.get("server_id"), server), "each server once: " + server.get("server_id"));
            }
            cursor = page.getString("next_cursor");
            if (cursor == null) {
                return servers;
            }
            assertFalse(onPage.isEmpty(), "a page with a next cursor has servers");
        }
    }

    @Test
    void asOfIsTheLatestEventTimeProcessedNotTheWallClock() {
        // 90 s ahead: within the allowed clock skew, so it counts at its own time, and it is ahead of every other
        // test's events, so it is the latest event time whatever order the tests run in
        Instant ahead = Instant.now().plus(Duration.ofSeconds(90)).truncatedTo(ChronoUnit.SECONDS);
        String server = unique("ahead");
        send(MetricsSender.FUTURE_PARTITION, server, event(server, 5, ahead));

        await().atMost(WAIT).untilAsserted(() ->
                given().get("/v1/servers/{id}", server).then().statusCode(200)
                        .body("as_of", equalTo(ahead.toString()))
                        .body("last_seen", equalTo(ahead.toString())));
    }

    @Test
    void aSampleADayAheadCountsAtItsReceiptTime() {
        Instant dayAhead = Instant.now().plus(Duration.ofDays(1));
        String server = unique("day-ahead");
        Instant sent = Instant.now();
        send(MetricsSender.FUTURE_PARTITION, server, event(server, 5, dayAhead));
        Instant written = Instant.now();

        await().atMost(WAIT).untilAsserted(() -> {
            Instant lastSeen = Instant.parse(given().get("/v1/servers/{id}", server).then().statusCode(200)
                    .extract().path("last_seen"));
            assertFalse(lastSeen.isBefore(sent.minusMillis(1)) || lastSeen.isAfter(written.plusSeconds(1)),
                    "last_seen " + lastSeen + " is its receipt, between " + sent + " and " + written);
        });
    }

    @Test
    void answers404ForAnUnknownServer() {
        // 503 until the streams run (this may be the first test of the class); then 404, never anything else
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/servers/{id}", unique("unknown")).then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("unknown-"))
                .body("details", empty()));
    }

    @Test
    void deadLettersUnusableRecordsCountsThemAndGoesOn() {
        double before = skippedSoFar();
        String server = unique("after-bad");
        int partition = partitionOf(server);
        send(partition, server, "this is not JSON");
        send(partition, server, event(server, 150, Instant.now()));
        send(partition, server, event(server, 42, Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                given().get("/v1/servers/{id}", server).then().statusCode(200).body("cpu_load", equalTo(42.0f)));
        // the counter is updated before the valid record behind the bad ones is processed
        assertTrue(skippedSoFar() >= before + 2, "skipped counter grew by the two bad records");
        try (TopicReader dlq = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.dlq(Topics.SERVER_METRICS))) {
            ConsumerRecord<String, String> dead = dlq.awaitMatching(r -> server.equals(r.key()) && "this is not JSON".equals(r.value()),
                    1, WAIT).get(0);
            assertTrue(TopicReader.header(dead, "dlq_error").contains("JSON"), TopicReader.header(dead, "dlq_error"));
        }
    }

    @Test
    void exposesReadinessMetricsAndOpenApi() {
        await().atMost(WAIT).untilAsserted(() -> management().get("/q/health/ready").then().statusCode(200));
        management().get("/q/health/live").then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200).body(containsString("gameflow_metrics_records_skipped_total"));
        // the API port serves the API and its description, never health or metrics (the management port's)
        for (String managementOnly : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(managementOnly).then().statusCode(404);
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/servers"))
                .body(containsString("/v1/servers/{server_id}"))
                // documented as the JSON spells it
                .body(containsString("cpu_load"));
    }

    private static double skippedSoFar() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = SKIPPED.matcher(metrics);
        assertTrue(matcher.find(), "no skipped-records series in /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }
}
