package io.gameflow.e2e;

import io.gameflow.events.EventHeaders;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engagement-service instances on one broker each hold part of the players and cells; either answers for the
 * whole game. One is stopped mid-stream and started again: every count comes out exact, none twice. Then one is
 * killed: the other answers for all players within the documented failover time (docs/recovery.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoEngagementInstancesIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static EmbeddedKafka kafka;
    private static final List<ServiceJar> instances = new ArrayList<>();
    private static KafkaProducer<String, String> producer;
    private static final Instant T0 = Instant.now().minusSeconds(1200).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startOnFreePorts();
        kafka.createTopics(Topics.ALL, 6);
        for (int i = 0; i < 2; i++) {
            int port = ServiceJar.freePort();
            instances.add(new ServiceJar("engagement-service", port, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                    "GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("engagement-state-" + i).toString(),
                    "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "engagement-two-instances",
                    "KAFKA_STREAMS_GROUP_INSTANCE_ID", "engagement-" + i,
                    "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1")).start());
        }
        for (ServiceJar instance : instances) {
            instance.awaitReady(WAIT);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        for (ServiceJar instance : instances) {
            instance.close();
        }
        kafka.close();
    }

    /** Players from..to-1 each enter level_01 and the even ones complete it: three events each. */
    private static void play(int from, int to, int second) {
        for (int p = from; p < to; p++) {
            String player = "player_" + p;
            send(player, "move", "map_01", second);
            send(player, "fail", "map_01", second + 1);
            send(player, p % 2 == 0 ? "level_complete" : "fail", "map_02", second + 2);
        }
        producer.flush();
    }

    private static void send(String player, String type, String map, int second) {
        String event = "{\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"" + player + "\",\"session_id\":\"s-"
                + player + "\",\"event_type\":\"" + type + "\",\"level_id\":\"level_01\",\"map_id\":\"" + map
                + "\"},\"event_timestamp\":\"" + T0.plusSeconds(second) + "\",\"user_data\":{\"user_id\":\"" + player
                + "\",\"platform\":\"PC\"}}";
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PLAYER_EVENTS, player, event);
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static void expectEverywhere(int players, int completions) {
        for (ServiceJar instance : instances) {
            await("instance on " + instance.port() + " counts " + players + " players").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        given().get(instance.url("/v1/engagement/levels")).then().statusCode(200)
                                .body("levels.find { it.map_id == 'map_01' }.players", equalTo(players))
                                .body("levels.find { it.map_id == 'map_01' }.events", equalTo(2 * players))
                                .body("levels.find { it.map_id == 'map_02' }.events", equalTo(players));
                        given().get(instance.url("/v1/engagement/funnel")).then().statusCode(200)
                                .body("levels.find { it.level_id == 'level_01' }.players", equalTo(players))
                                .body("levels.find { it.level_id == 'level_01' }.completions", equalTo(completions));
                    });
        }
    }

    @Test
    @Order(1)
    void eitherInstanceAnswersForTheWholeGameAndARestartCountsNothingTwice() throws Exception {
        play(0, 40, 0);
        expectEverywhere(40, 20);
        for (ServiceJar instance : instances) {
            for (int p = 0; p < 40; p += 7) {
                given().get(instance.url("/v1/engagement/players/player_" + p)).then().statusCode(200)
                        .body("player_id", equalTo("player_" + p));
            }
        }

        ServiceJar second = instances.get(1);
        second.stop();
        play(40, 70, 60);
        second.start().awaitReady(WAIT);
        play(70, 80, 120);
        expectEverywhere(80, 40);
        given().get(instances.get(0).url("/v1/engagement/active-players")).then().statusCode(200)
                .body("windows.'1h'.total", equalTo(80));
        expectNewPlayersEverywhere(instances, 80);
    }

    /**
     * The studio KPIs merge both instances' tasks: every player is new exactly once, on either instance, after the
     * restart too. (The players' events span two minutes: if that crosses midnight, the players are spread over two
     * days, so the days are added up.)
     */
    private static void expectNewPlayersEverywhere(List<ServiceJar> answering, int players) {
        String from = LocalDate.ofInstant(T0, ZoneOffset.UTC).toString();
        String to = LocalDate.ofInstant(T0.plusSeconds(130), ZoneOffset.UTC).toString();
        for (ServiceJar instance : answering) {
            await("instance on " + instance.port() + " counts " + players + " new players").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        JsonPath daily = given().queryParam("from", from).queryParam("to", to)
                                .get(instance.url("/v1/kpis/daily")).then().statusCode(200).extract().jsonPath();
                        assertEquals(players, daily.getList("days.new_players", Integer.class).stream().mapToInt(Integer::intValue).sum());
                        JsonPath retention = given().queryParam("from", from).queryParam("to", to)
                                .get(instance.url("/v1/kpis/retention")).then().statusCode(200).extract().jsonPath();
                        assertEquals(players, retention.getList("cohorts.new_players", Integer.class).stream().mapToInt(Integer::intValue).sum());
                    });
        }
    }

    @Test
    @Order(2)
    void whenAnInstanceDiesTheOtherAnswersForAllPlayersWithinTheFailoverTime() throws Exception {
        ServiceJar survivor = instances.get(0);
        Instant killed = Instant.now();
        instances.get(1).kill();

        await("the survivor answers for every player").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (int p = 0; p < 80; p++) {
                        given().get(survivor.url("/v1/engagement/players/player_" + p)).then().statusCode(200)
                                .body("player_id", equalTo("player_" + p));
                    }
                    given().get(survivor.url("/v1/engagement/funnel")).then().statusCode(200)
                            .body("levels.find { it.level_id == 'level_01' }.players", equalTo(80))
                            .body("levels.find { it.level_id == 'level_01' }.completions", equalTo(40));
                });
        Duration failover = Duration.between(killed, Instant.now());
        expectNewPlayersEverywhere(List.of(survivor), 80);
        System.out.printf("engagement failover: the survivor answered for all players %.1f s after the kill%n",
                failover.toMillis() / 1000.0);
        assertTrue(failover.compareTo(Recovery.FAILOVER_WITHIN) <= 0,
                "the survivor took " + failover + ", documented: " + Recovery.FAILOVER_WITHIN);
    }
}
