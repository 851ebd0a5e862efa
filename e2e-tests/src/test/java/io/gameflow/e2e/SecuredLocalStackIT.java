package io.gameflow.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GAMEFLOW_KAFKA_SECURE=true make run}: the local stack on a broker secured as in prod (SASL_SSL, a user per
 * service, the prod overlay's ACLs). The whole path still runs, generator to both analytics services, while a client
 * without a login gets nothing from the broker.
 */
class SecuredLocalStackIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    /** Keys of the test's own, in place of the well-known development ones: none of them may reach a log. */
    private static final String CLIENT_KEY = "it-client-" + UUID.randomUUID();
    private static final String SERVER_KEY = "it-server-" + UUID.randomUUID();
    private static final String ADMIN_KEY = "it-admin-" + UUID.randomUUID();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        for (int port : LocalStack.PORTS) {
            assertFalse(LocalStack.listening(port), "port " + port + " must be free before the test");
        }
        stack = LocalStack.start(Map.of(
                "GAMEFLOW_KAFKA_SECURE", "true",
                "GAMEFLOW_INGEST_AUTH_KEYS", "it-client:" + CLIENT_KEY + ":client,it-server:" + SERVER_KEY + ":server",
                "GAMEFLOW_GENERATOR_HTTP_CLIENT_API_KEY", CLIENT_KEY,
                "GAMEFLOW_GENERATOR_HTTP_SERVER_API_KEY", SERVER_KEY,
                "GAMEFLOW_GENERATOR_ADMIN_KEY", ADMIN_KEY));
    }

    /** Once the stack stopped, its logs are whole: not one of them may hold a key or a password the run used. */
    @AfterAll
    static void stopStackAndReadItsLogsForSecrets() throws IOException {
        if (stack == null) {
            return;
        }
        Map<String, String> secrets = new TreeMap<>(Map.of("client API key", CLIENT_KEY, "server API key", SERVER_KEY,
                "generator admin key", ADMIN_KEY));
        secrets.putAll(kafkaPasswords(stack.runDir().resolve("kafka/security")));
        stack.close();
        Map<String, String> logs = stack.logs();
        assertTrue(logs.size() >= 6 && logs.get("ingest-service.log").contains("started in"), "the run's logs: " + logs.keySet());
        assertTrue(secrets.size() > 3, "the broker's security files name no password: " + secrets.keySet());
        List<String> leaks = new ArrayList<>();
        logs.forEach((file, text) -> secrets.forEach((what, secret) -> {
            if (text.contains(secret)) {
                leaks.add(what + " in " + file);
            }
        }));
        assertEquals(List.of(), leaks, "secrets in the logs of a stack run");
    }

    /** Every password the secured broker handed a service (its user's, its trust store's), by file and name. */
    private static Map<String, String> kafkaPasswords(Path security) throws IOException {
        Map<String, String> passwords = new TreeMap<>();
        try (var files = Files.list(security)) {
            for (Path env : files.filter(f -> f.toString().endsWith(".env")).toList()) {
                for (String line : Files.readAllLines(env)) {
                    int equals = line.indexOf('=');
                    if (equals > 0 && line.substring(0, equals).contains("PASSWORD") && line.length() > equals + 1) {
                        passwords.put(env.getFileName() + " " + line.substring(0, equals), line.substring(equals + 1));
                    }
                }
            }
        }
        return passwords;
    }

    @Test
    void theWholePathRunsOnTheSecuredBrokerWhichRefusesAClientWithoutALogin() {
        assertTrue(stack.output().contains("SASL_SSL as in prod"), stack.output());

        String map = "secured_map_" + UUID.randomUUID().toString().substring(0, 8);
        String event = "{\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"secured_player\","
                + "\"session_id\":\"s-secured\",\"event_type\":\"move\",\"level_id\":\"level_01\",\"map_id\":\"" + map
                + "\"},\"event_timestamp\":\"" + Instant.now() + "\",\"user_data\":{\"user_id\":\"secured_player\","
                + "\"platform\":\"PC\"}}";
        given().header("X-API-Key", CLIENT_KEY).contentType("application/json").body(event)
                .when().post("http://127.0.0.1:" + LocalStack.INGEST_PORT + "/v1/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        await("engagement counts the posted event").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("http://127.0.0.1:" + LocalStack.ENGAGEMENT_PORT + "/v1/engagement/levels").then()
                        .statusCode(200).body("levels.find { it.map_id == '" + map + "' }.events", equalTo(1)));
        await("the generator's servers reach metrics").atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("http://127.0.0.1:" + LocalStack.METRICS_PORT + "/v1/servers").then()
                        .statusCode(200).body("servers.size()", greaterThan(0)));

        try (Admin anonymous = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LocalStack.KAFKA_PORT,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000))) {
            assertThrows(ExecutionException.class, () -> anonymous.listTopics(new ListTopicsOptions().timeoutMs(5000))
                    .names().get(10, TimeUnit.SECONDS), "a PLAINTEXT client without a login lists no topic");
        }
    }
}
