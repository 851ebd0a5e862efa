package io.gameflow.e2e;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two metrics-service instances on one broker split the servers by partition; either answers for the whole fleet:
 * lists merge both, a lookup goes to the owner, alerts come from server-alerts. When one is killed, the other answers
 * for every server within the documented failover time (docs/recovery.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoMetricsInstancesIT {

    private static final int PARTITIONS = 6;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static EmbeddedKafka kafka;
    private static final List<ServiceJar> instances = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startOnFreePorts();
        kafka.createTopics(Topics.ALL, PARTITIONS);
        for (int i = 0; i < 2; i++) {
            int port = ServiceJar.freePort();
            instances.add(new ServiceJar("metrics-service", port, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                    "GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("metrics-state-" + i).toString(),
                    "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "metrics-two-instances",
                    "KAFKA_STREAMS_GROUP_INSTANCE_ID", "metrics-" + i,
                    "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1")).start());
            ports.add(port);
        }
        for (ServiceJar instance : instances) {
            instance.awaitReady(WAIT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceJar instance : instances) {
            instance.close();
        }
        kafka.close();
    }

    @Test
    @Order(1)
    void eitherInstanceAnswersForTheWholeFleetWhileEachHoldsPart() throws Exception {
        Map<String, Boolean> hotByServer = serversOnEveryPartition();
        List<String> servers = List.copyOf(hotByServer.keySet());
        Set<String> hot = new HashSet<>();
        hotByServer.forEach((server, isHot) -> {
            if (isHot) {
                hot.add(server);
            }
        });
        Instant t0 = Instant.now().minusSeconds(80).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int s = 0; s <= 70; s += 5) {
                for (String server : servers) {
                    double cpu = hot.contains(server) ? 90 : 40;
                    producer.send(new ProducerRecord<>(Topics.SERVER_METRICS, server, sample(server, cpu, t0.plusSeconds(s))));
                }
            }
            producer.flush();
        }

        for (int port : ports) {
            await("instance on " + port + " lists every server").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().get(url(port, "/v1/servers")).then().statusCode(200)
                            .body("servers.server_id", containsInAnyOrder(servers.toArray())));
        }
        List<String> first = local(ports.get(0));
        List<String> second = local(ports.get(1));
        assertFalse(first.isEmpty(), "each instance holds part of the servers");
        assertFalse(second.isEmpty(), "each instance holds part of the servers");
        assertEquals(servers.size(), first.size() + second.size(), "no server is held twice");

        for (int port : ports) {
            for (String server : servers) {
                given().get(url(port, "/v1/servers/" + server)).then().statusCode(200)
                        .body("server_id", equalTo(server))
                        .body("status", equalTo(hot.contains(server) ? "warning" : "healthy"));
            }
            await("instance on " + port + " lists every firing alert").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().queryParam("state", "firing").get(url(port, "/v1/alerts")).then().statusCode(200)
                            .body("alerts.server_id", containsInAnyOrder(hot.toArray())));
            given().get(url(port, "/v1/regions")).then().statusCode(200)
                    .body("regions.find { it.region == 'eu-central' }.servers", equalTo(servers.size()));
        }
        for (ServiceJar instance : instances) {
            assertTrue(instance.isAlive(), instance.log());
        }
    }

    @Test
    @Order(2)
    void whenAnInstanceDiesTheOtherAnswersForEveryServerWithinTheFailoverTime() throws Exception {
        int survivor = ports.get(0);
        List<String> servers = List.copyOf(serversOnEveryPartition().keySet());
        Instant killed = Instant.now();
        instances.get(1).kill();

        await("the survivor answers for every server").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    given().get(url(survivor, "/v1/servers")).then().statusCode(200)
                            .body("servers.server_id", containsInAnyOrder(servers.toArray()));
                    for (String server : servers) {
                        given().get(url(survivor, "/v1/servers/" + server)).then().statusCode(200)
                                .body("server_id", equalTo(server));
                    }
                    assertEquals(servers.size(), local(survivor).size(), "the survivor holds every server itself");
                });
        Duration failover = Duration.between(killed, Instant.now());
        System.out.printf("metrics failover: the survivor answered for every server %.1f s after the kill%n",
                failover.toMillis() / 1000.0);
        assertTrue(failover.compareTo(Recovery.FAILOVER_WITHIN) <= 0,
                "the survivor took " + failover + ", documented: " + Recovery.FAILOVER_WITHIN);
    }

    /** Two server ids per partition, so that both instances surely hold some; the first of each runs hot. */
    private static Map<String, Boolean> serversOnEveryPartition() {
        Map<String, Boolean> hotByServer = new java.util.LinkedHashMap<>();
        int[] perPartition = new int[PARTITIONS];
        for (int i = 0; hotByServer.size() < 2 * PARTITIONS; i++) {
            String id = "server_" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition[partition] < 2) {
                hotByServer.put(id, perPartition[partition]++ == 0);
            }
        }
        return hotByServer;
    }

    private static List<String> local(int port) {
        return given().get(url(port, "/internal/v1/servers")).then().statusCode(200)
                .extract().jsonPath().getList("latest.server_id", String.class);
    }

    private static String sample(String server, double cpu, Instant time) {
        return "{\"event_name\":\"server_metric\",\"parameters\":{\"server_id\":\"" + server + "\",\"cpu_load\":" + cpu
                + ",\"memory_usage\":40.0,\"latency\":80.0},\"event_timestamp\":\"" + time
                + "\",\"server_data\":{\"region\":\"eu-central\",\"server_type\":\"virtual\"}}";
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
