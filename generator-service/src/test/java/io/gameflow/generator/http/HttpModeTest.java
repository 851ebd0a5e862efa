package io.gameflow.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventValidator;
import io.gameflow.generator.http.FakeIngest.Request;
import io.gameflow.generator.http.FakeIngest.Scripted;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gameflow.generator.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** http mode against a real HTTP server standing in for ingest-service: retries, refusals, no loss, no duplicates. */
@QuarkusTest
@TestProfile(HttpModeTest.HttpMode.class)
class HttpModeTest {

    private static final String UNAVAILABLE = "{\"error\":\"kafka_unavailable\",\"message\":\"Kafka is unavailable\",\"details\":[]}";

    public static class HttpMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gameflow.generator.mode", "http",
                    "gameflow.generator.http.client-api-key", "test-client-key",
                    "gameflow.generator.http.server-api-key", "test-server-key",
                    "gameflow.generator.http.batch-size", "50",
                    "gameflow.generator.rate", "200");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIngest.class));
        }
    }

    @Test
    void aBatchRefusedWith503Then429ThenUnansweredIsSentAgainUntilAcceptedAndNothingIsLostOrDuplicated() {
        FakeIngest.script(new Scripted(503, "1", UNAVAILABLE),
                new Scripted(429, "1", "{\"error\":\"rate_limited\",\"message\":\"slow down\",\"details\":[]}"),
                new Scripted(0, null, null));
        int before = FakeIngest.requests().size();
        admin().when().post("/v1/generator/start").then().statusCode(200).body("mode", equalTo("http"));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> accepted(before).size() >= 20);
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().extract().<Integer>path("backlog") == 0);

        List<Request> requests = FakeIngest.requests().subList(before, FakeIngest.requests().size());
        assertEquals(List.of(503, 429, 0, 200), requests.subList(0, 4).stream().map(Request::answeredStatus).toList());
        assertEquals(1, requests.subList(0, 4).stream().map(Request::body).distinct().count(),
                "the refused batch is sent again, unchanged, until accepted");
        assertEachKindWentWithItsKey(requests);

        List<Request> accepted = accepted(before);
        assertEquals(accepted.size(), accepted.stream().map(Request::body).distinct().count(), "no batch accepted twice");
        long eventsAccepted = accepted.stream().mapToLong(request -> EventJson.readTree(request.body()).size()).sum();
        long eventsDelivered = status().body("send_errors", equalTo(0))
                .extract().jsonPath().getMap("sent_per_topic", String.class, Long.class)
                .values().stream().mapToLong(Long::longValue).sum();
        assertEquals(eventsAccepted, eventsDelivered, "every event the server accepted is counted, none lost");
        List<String> events = accepted.stream().flatMap(request -> {
            List<String> batch = new java.util.ArrayList<>();
            EventJson.readTree(request.body()).forEach(event -> batch.add(event.toString()));
            return batch.stream();
        }).toList();
        assertEquals(events.size(), events.stream().distinct().count(), "no two events alike: they would share an event_id");
        EventValidator validator = new EventValidator();
        for (JsonNode event : EventJson.readTree(accepted.get(0).body())) {
            assertEquals(List.of(), validator.validate(event));
        }
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_generator_http_retries_total{reason=\"503\"} 1.0"))
                .body(containsString("gameflow_generator_http_retries_total{reason=\"429\"} 1.0"))
                .body(containsString("gameflow_generator_http_retries_total{reason=\"io_error\"} 1.0"));
    }

    @Test
    void aBatchIngestRefusesForGoodIsCountedAsFailedNotSentAgain() {
        FakeIngest.script(new Scripted(401, null, "{\"error\":\"unauthorized\",\"message\":\"send a valid X-API-Key\",\"details\":[]}"),
                new Scripted(200, null, "{\"accepted\":0,\"rejected\":1,\"event_ids\":[],"
                        + "\"errors\":[{\"index\":0,\"path\":\"/event_timestamp\",\"message\":\"too old\"}]}"));
        int before = FakeIngest.requests().size();
        long errorsBefore = status().extract().<Integer>path("send_errors");
        admin().when().post("/v1/generator/start").then().statusCode(200);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> FakeIngest.requests().size() >= before + 3);
        } finally {
            admin().when().post("/v1/generator/stop").then().statusCode(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().extract().<Integer>path("backlog") == 0);
        List<Request> requests = FakeIngest.requests().subList(before, FakeIngest.requests().size());
        int refusedBatch = EventJson.readTree(requests.get(0).body()).size();
        assertTrue(!requests.get(0).body().equals(requests.get(1).body()), "a 401 is not sent again");
        status().body("send_errors", equalTo((int) errorsBefore + refusedBatch + 1))
                .body("last_error", containsString("/event_timestamp too old"));
    }

    @Test
    void theStatusNamesTheMode() {
        status().body("mode", equalTo("http")).body("running", equalTo(false));
        management().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Player and purchase events with the client key, server metrics with the server key, never mixed in one request. */
    private static void assertEachKindWentWithItsKey(List<Request> requests) {
        Set<String> keysUsed = new HashSet<>();
        for (Request request : requests) {
            Set<String> names = new HashSet<>();
            EventJson.readTree(request.body()).forEach(event -> names.add(event.get("event_name").asText()));
            boolean servers = names.contains("server_metric");
            assertTrue(!servers || names.size() == 1, "server metrics travel without client events: " + names);
            assertEquals(servers ? "test-server-key" : "test-client-key", request.apiKey(), names.toString());
            keysUsed.add(request.apiKey());
        }
        assertEquals(Set.of("test-client-key", "test-server-key"), keysUsed, "both kinds were sent");
    }

    private static List<Request> accepted(int from) {
        List<Request> requests = FakeIngest.requests();
        return requests.subList(from, requests.size()).stream().filter(request -> request.answeredStatus() == 200).toList();
    }

    private static io.restassured.response.ValidatableResponse status() {
        return admin().when().get("/v1/generator").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().header("X-Admin-Key", "test-admin-key");
    }
}
