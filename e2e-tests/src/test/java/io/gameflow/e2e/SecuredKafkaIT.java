package io.gameflow.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.gameflow.events.EventJson;
import io.gameflow.events.SeedExamples;
import io.gameflow.events.Topics;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.gameflow.kafka.embedded.KafkaUserManifests;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ingest, engagement and metrics, packaged and started as separate processes, against a broker secured as the prod
 * cluster is: SASL_SSL only, SCRAM-SHA-512, the StandardAuthorizer, and exactly the users and ACLs of the prod
 * overlay's KafkaUser manifests. Events posted to ingest come out as answers and alerts, as on the open broker, so
 * every client of every service (channels, Streams and the ones made by hand) logs in and is allowed what it does;
 * clients without the right credentials get nothing, and each service user can do only what its ACLs say.
 */
class SecuredKafkaIT {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));
    private static final Path KAFKA_USERS = ROOT.resolve("deploy/k8s/overlays/prod/kafka-users.yaml");
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String INGEST = "ingest-service";
    private static final String ENGAGEMENT = "engagement-service";
    private static final String METRICS = "metrics-service";
    private static final String CLIENT_KEY = "secured-it-client-key";
    private static final String SERVER_KEY = "secured-it-server-key";

    private static EmbeddedKafka kafka;
    private static HttpServer alertmanager;
    private static final List<String> forwardedAlerts = new CopyOnWriteArrayList<>();
    private static final Map<String, ServiceJar> services = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        KafkaUserManifests manifests = KafkaUserManifests.read(KAFKA_USERS);
        kafka = EmbeddedKafka.startSecuredOnFreePorts(manifests.users());
        kafka.createTopics(Topics.ALL, 3);
        kafka.allow(manifests.allAcls());
        alertmanager = startAlertmanager();

        start(INGEST, Map.of("GAMEFLOW_INGEST_AUTH_KEYS", "it-client:" + CLIENT_KEY + ":client,it-server:" + SERVER_KEY + ":server"));
        start(ENGAGEMENT, Map.of("GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                "KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("secured-engagement-").toString()));
        start(METRICS, Map.of("GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                "KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("secured-metrics-").toString(),
                "GAMEFLOW_METRICS_ALERTMANAGER_URL", "http://127.0.0.1:" + alertmanager.getAddress().getPort()));
        for (ServiceJar service : services.values()) {
            service.awaitReady(WAIT);
        }
    }

    private static void start(String service, Map<String, String> own) throws Exception {
        int port = ServiceJar.freePort();
        Map<String, String> env = new HashMap<>(own);
        env.putAll(kafka.security().serviceEnvironment(service));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        services.put(service, new ServiceJar(service, port, env).start());
    }

    /** Takes what metrics-service's forwarder posts, as Alertmanager's POST /api/v2/alerts would. */
    private static HttpServer startAlertmanager() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/alerts", exchange -> {
            forwardedAlerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceJar service : services.values()) {
            service.close();
        }
        if (alertmanager != null) {
            alertmanager.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String url(String service, String path) {
        return services.get(service).url(path);
    }

    @Test
    void postedEventsComeOutAsAnswersAndAlerts() {
        String map = "secured_map_" + UUID.randomUUID().toString().substring(0, 8);
        ArrayNode players = EventJson.mapper().createArrayNode();
        for (int i = 0; i < 6; i++) {
            ObjectNode event = (ObjectNode) EventJson.readTree(SeedExamples.playerEvent());
            event.put("event_timestamp", Instant.now().toString());
            ((ObjectNode) event.get("parameters")).put("player_id", "secured_player_" + (i % 3))
                    .put("level_id", "secured_level").put("map_id", map);
            players.add(event);
        }
        post(CLIENT_KEY, players);

        String server = "secured_server_" + UUID.randomUUID().toString().substring(0, 8);
        ArrayNode samples = EventJson.mapper().createArrayNode();
        Instant t0 = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        for (int s = 0; s <= 80; s += 5) {
            ObjectNode event = (ObjectNode) EventJson.readTree(SeedExamples.serverMetricEvent());
            event.put("event_timestamp", t0.plusSeconds(s).toString());
            ((ObjectNode) event.get("parameters")).put("server_id", server).put("cpu_load", 99.0);
            samples.add(event);
        }
        post(SERVER_KEY, samples);

        await("engagement counts the posted events").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(url(ENGAGEMENT, "/v1/engagement/levels")).then().statusCode(200)
                        .body("levels.find { it.map_id == '" + map + "' }.events", equalTo(6))
                        .body("levels.find { it.map_id == '" + map + "' }.players", equalTo(3)));
        // /v1/alerts is read from server-alerts by AlertLog, a consumer metrics-service makes by hand
        await("metrics lists the hot server's alert").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().queryParam("state", "firing").get(url(METRICS, "/v1/alerts")).then().statusCode(200)
                        .body("alerts.server_id", hasItem(server)));
        // ... and the forwarder, another hand-made consumer, in a group of its own
        await("the alert reaches Alertmanager").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertTrue(forwardedAlerts.stream().anyMatch(body -> body.contains(server)), forwardedAlerts::toString));
        // ingest's readiness asks the broker with a hand-made Admin: UP means it logged in
        given().get(services.get(INGEST).managementUrl("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        for (ServiceJar service : services.values()) {
            assertTrue(service.isAlive(), service.log());
        }
    }

    private static void post(String key, ArrayNode events) {
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(events.toString())
                .when().post(url(INGEST, "/v1/events"))
                .then().statusCode(200).body("accepted", equalTo(events.size()));
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsRefused() {
        KafkaClientConfig wrongPassword = KafkaClientConfig.of(kafka.bootstrapServers(),
                kafka.security().clientSecurity(INGEST, "not-" + kafka.security().password(INGEST)));
        try (Admin admin = Admin.create(wrongPassword.properties())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
        // TLS that trusts the broker, but no login; and neither TLS nor a login
        KafkaSecurity tlsOnly = KafkaSecurity.from(name -> Optional.ofNullable(Map.of(
                KafkaSecurity.PROTOCOL, "SSL",
                KafkaSecurity.TRUSTSTORE_LOCATION, kafka.security().truststore().toString(),
                KafkaSecurity.TRUSTSTORE_PASSWORD, kafka.security().truststorePassword()).get(name)));
        for (KafkaSecurity anonymous : List.of(tlsOnly, KafkaSecurity.plaintext())) {
            Properties props = KafkaClientConfig.of(kafka.bootstrapServers(), anonymous).properties();
            props.put("default.api.timeout.ms", 5_000);
            props.put("request.timeout.ms", 3_000);
            try (Admin admin = Admin.create(props)) {
                assertThrows(Exception.class, () -> admin.listTopics().names().get(10, TimeUnit.SECONDS),
                        "a client without credentials (" + anonymous.protocol() + ") must learn nothing");
            }
        }
    }

    @Test
    void ingestWritesTheInputsAndItsRejectsButReadsNothingAndCreatesNothing() throws Exception {
        for (String topic : List.of(Topics.PLAYER_EVENTS, Topics.PURCHASE_EVENTS, Topics.SERVER_METRICS, Topics.INGEST_REJECTED)) {
            send(INGEST, topic);
        }
        assertCannotRead(INGEST, Topics.PURCHASE_EVENTS);
        assertCannotRead(INGEST, Topics.PLAYER_EVENTS);
        try (Admin admin = Admin.create(kafka.clientConfig(INGEST).properties())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.createTopics(
                    List.of(new NewTopic("ingest-made-topic", 1, (short) 1))).all().get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    @Test
    void engagementCannotWriteServerAlertsNorTheInputs() {
        assertCannotWrite(ENGAGEMENT, Topics.SERVER_ALERTS);
        assertCannotWrite(ENGAGEMENT, Topics.PLAYER_EVENTS);
        assertCannotRead(ENGAGEMENT, Topics.SERVER_METRICS);
    }

    @Test
    void metricsCannotReadPlayersOrPurchasesNorWriteEngagementFindings() {
        assertCannotRead(METRICS, Topics.PLAYER_EVENTS);
        assertCannotRead(METRICS, Topics.PURCHASE_EVENTS);
        assertCannotWrite(METRICS, Topics.FRAUD_ALERTS);
    }

    @Test
    void aServiceCannotJoinAnotherServicesConsumerGroup() {
        Properties props = kafka.clientConfig(ENGAGEMENT).properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, METRICS);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ENGAGEMENT_ALERTS));
            assertThrows(GroupAuthorizationException.class, () -> pollFor(consumer, Duration.ofSeconds(20)));
        }
    }

    @Test
    void aServiceWithSaslButNoPasswordRefusesToStartNamingTheVariable() throws Exception {
        int port = ServiceJar.freePort();
        Map<String, String> env = new HashMap<>(kafka.security().serviceEnvironment(INGEST));
        env.remove("GAMEFLOW_KAFKA_SASL_PASSWORD");
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "QUARKUS_HTTP_PORT", Integer.toString(port),
                "GAMEFLOW_INGEST_AUTH_KEYS", "it-client:" + CLIENT_KEY + ":client"));
        try (ServiceJar ingest = new ServiceJar(INGEST, port, env).start()) {
            await("ingest without its password exits").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> !ingest.isAlive());
            assertTrue(ingest.log().contains("GAMEFLOW_KAFKA_SASL_PASSWORD"), ingest.log());
            assertNotEquals(0, ingest.exitValue());
        }
    }

    private static void send(String user, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(user), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "acl-check", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertCannotWrite(String user, String topic) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(user, topic), user + " wrote " + topic);
        assertInstanceOf(TopicAuthorizationException.class, e.getCause(), user + " writing " + topic);
    }

    private static void assertCannotRead(String user, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.clientConfig(user).properties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assertThrows(TopicAuthorizationException.class, () -> pollFor(consumer, Duration.ofSeconds(20)),
                    user + " read " + topic);
        }
    }

    /** Polls until the broker's answer (records or a refusal) or the time is up: a refusal is thrown by poll. */
    private static void pollFor(KafkaConsumer<String, String> consumer, Duration time) {
        Instant end = Instant.now().plus(time);
        while (Instant.now().isBefore(end)) {
            assertFalse(consumer.poll(Duration.ofMillis(500)).count() > 0, "records were read");
        }
    }

    private static Properties producerProperties(String user) {
        Properties props = kafka.clientConfig(user).properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        return props;
    }
}
