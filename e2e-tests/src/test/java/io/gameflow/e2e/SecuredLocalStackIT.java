package io.gameflow.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
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
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        for (int port : LocalStack.PORTS) {
            assertFalse(LocalStack.listening(port), "port " + port + " must be free before the test");
        }
        stack = LocalStack.start(Map.of("GAMEFLOW_KAFKA_SECURE", "true"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theWholePathRunsOnTheSecuredBrokerWhichRefusesAClientWithoutALogin() {
        assertTrue(stack.output().contains("SASL_SSL as in prod"), stack.output());

        String map = "secured_map_" + UUID.randomUUID().toString().substring(0, 8);
        String event = "{\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"secured_player\","
                + "\"session_id\":\"s-secured\",\"event_type\":\"move\",\"level_id\":\"level_01\",\"map_id\":\"" + map
                + "\"},\"event_timestamp\":\"" + Instant.now() + "\",\"user_data\":{\"user_id\":\"secured_player\","
                + "\"platform\":\"PC\"}}";
        given().header("X-API-Key", LocalStack.CLIENT_API_KEY).contentType("application/json").body(event)
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
