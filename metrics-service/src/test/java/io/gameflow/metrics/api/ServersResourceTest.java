package io.gameflow.metrics.api;

import io.gameflow.events.EventHeaders;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gameflow.metrics.ServerMetricJson.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ServersResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SKIPPED = Pattern.compile(
            "(?m)^gameflow_metrics_records_skipped_total\\{[^}]*topic=\"server-metrics\"[^}]*} (\\S+)$");

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    /** Sends one record and waits for the broker's ack, so a test's records are on the topic in the order sent. */
    private static void send(String key, String value) {
        send(null, key, value);
    }

    private static void send(Integer partition, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SERVER_METRICS, partition, key, value,
                List.of(new RecordHeader(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + Topics.SERVER_METRICS, e);
        }
    }

    /** The partition the default partitioner gives a key, so another key can be sent behind it in the same order. */
    private static int partitionOf(String key) {
        int partitions = producer.partitionsFor(Topics.SERVER_METRICS).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
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
        given().get("/v1/servers").then().statusCode(200)
                .body("servers.find { it.server_id == '" + server + "' }.cpu_load", equalTo(70.0f));
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

        List<String> all = given().get("/v1/servers").then().statusCode(200)
                .body("servers.server_id", hasItems(prefix + "-a", prefix + "-b", prefix + "-c"))
                .extract().jsonPath().getList("servers.server_id", String.class);
        assertEquals(all.stream().sorted().toList(), all, "servers sorted by server_id");
    }

    @Test
    void asOfIsTheLatestEventTimeProcessedNotTheWallClock() {
        // far ahead of every other test's events, so it is the stream time whatever order the tests run in
        Instant future = Instant.parse("2100-01-01T00:00:00Z");
        String server = unique("future");
        send(server, event(server, 5, future));

        await().atMost(WAIT).untilAsserted(() ->
                given().get("/v1/servers").then().statusCode(200).body("as_of", equalTo(future.toString())));
        given().get("/v1/servers/{id}", server).then().statusCode(200)
                .body("as_of", equalTo(future.toString()))
                .body("last_seen", equalTo(future.toString()));
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
    void countsSkippedRecordsAndGoesOn() {
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
    }

    @Test
    void exposesReadinessMetricsAndOpenApi() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("gameflow_metrics_records_skipped_total"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/servers"))
                .body(containsString("/v1/servers/{server_id}"))
                // documented as the JSON spells it
                .body(containsString("cpu_load"));
    }

    private static double skippedSoFar() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = SKIPPED.matcher(metrics);
        assertTrue(matcher.find(), "no skipped-records series in /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }
}
