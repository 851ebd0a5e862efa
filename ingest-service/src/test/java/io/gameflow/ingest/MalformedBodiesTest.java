package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.gameflow.ingest.EventsResourceTest.bootstrap;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad bodies, one per row: each must get its 4xx with a reason a client can act on, and none may write anything
 * anywhere but ingest-rejected.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedBodiesTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final Map<String, Long> inputsBefore = new HashMap<>();
    private static long rejectedBefore;

    record Case(String name, String contentType, String encoding, String apiKey, byte[] body, int status, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void countWhatTheTopicsHold() {
        Topics.INPUTS.forEach(topic -> inputsBefore.put(topic, TopicReader.endOffset(bootstrap(), topic)));
        rejectedBefore = TopicReader.endOffset(bootstrap(), Topics.INGEST_REJECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void isRefusedWithAReason(Case c) {
        RequestSpecification request = given().contentType(c.contentType()).body(c.body());
        if (c.apiKey() != null) {
            request.header("X-API-Key", c.apiKey());
        }
        if (c.encoding() != null) {
            request.header("Content-Encoding", c.encoding());
        }
        Response response = request.when().post("/v1/events");

        assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.asString());
        String reason = response.jsonPath().getString(response.jsonPath().get("errors") != null ? "errors[0].message" : "message");
        assertTrue(reason != null && !reason.isBlank() && reason.contains(c.reason()),
                c.name() + ": expected a reason with '" + c.reason() + "' in " + response.asString());
        if (c.reason().isEmpty()) {
            assertEquals("malformed_body", response.jsonPath().getString("error"), c.name());
        }
        if (response.jsonPath().get("accepted") != null) {
            assertEquals(0, response.jsonPath().getInt("accepted"), c.name());
        }
    }

    @Test
    @Order(2)
    void nothingWasWrittenOutsideIngestRejected() {
        Topics.INPUTS.forEach(topic -> assertEquals(inputsBefore.get(topic), TopicReader.endOffset(bootstrap(), topic), topic));
        long refusedAs400 = cases().stream().filter(c -> c.status() == 400).count();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.endOffset(bootstrap(), Topics.INGEST_REJECTED) >= rejectedBefore + refusedAs400);
        assertFalse(cases().size() < 50, "the table has " + cases().size() + " rows");
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // bodies that hold no events at all
        String[][] notEvents = {
                {"empty body", ""}, {"only spaces", "   "}, {"open brace", "{"}, {"open bracket", "["},
                {"unclosed object in array", "[{]"}, {"missing value", "{\"event_name\":}"}, {"bare word", "nul"},
                {"truncated true", "tru"}, {"single quotes", "'event'"}, {"trailing comma in object", "{\"event_name\":\"player_action\",}"},
                {"trailing comma in array", "[{},]"}, {"two objects without array", "{} {}"}, {"duplicate field", "{\"event_name\":\"a\",\"event_name\":\"b\"}"},
                {"NUL byte", "\u0000"}, {"empty array", "[]"}, {"null", "null"}, {"number", "42"}, {"string", "\"player_action\""},
                {"boolean", "true"}, {"NaN literal", "{\"cpu_load\": NaN}"}, {"comment", "/* hi */ {}"}, {"XML", "<event/>"},
                {"1001 nested arrays", "[".repeat(1001) + "]".repeat(1001)}, {"1001-digit number", "[" + "9".repeat(1001) + "]"},
                {"field name of 60,000 chars", "{\"" + "f".repeat(60_000) + "\": 1}"},
        };
        for (String[] row : notEvents) {
            cases.add(new Case(row[0], JSON, null, TestEvents.API_KEY, bytes(row[1]), 400, ""));
        }
        cases.add(new Case("empty NDJSON", NDJSON, null, TestEvents.API_KEY, bytes("\n\n"), 400, "no events"));
        cases.add(new Case("NDJSON line not JSON", NDJSON, null, TestEvents.API_KEY, bytes("{oops}\n"), 400, "not valid JSON"));
        cases.add(new Case("NDJSON line nested 1001 deep", NDJSON, null, TestEvents.API_KEY,
                bytes("[".repeat(1001) + "]".repeat(1001) + "\n"), 400, "not valid JSON"));
        cases.add(new Case("gzip header, plain body", JSON, "gzip", TestEvents.API_KEY, bytes("{}"), 400, "not valid gzip"));

        // events that break the contract
        cases.add(player("array holding a number", e -> { }, "[1]", "JSON object"));
        cases.add(player("array holding null", e -> { }, "[null]", "JSON object"));
        cases.add(player("empty object", e -> e.removeAll(), null, "required"));
        cases.add(player("no event_name", e -> e.remove("event_name"), null, "required"));
        cases.add(player("unknown event_name", e -> e.put("event_name", "login"), null, "accepted: player_action"));
        cases.add(player("numeric event_name", e -> e.put("event_name", 7), null, "must be a string"));
        cases.add(player("no parameters", e -> e.remove("parameters"), null, "required"));
        cases.add(player("parameters an array", e -> e.putArray("parameters"), null, "must be an object"));
        cases.add(player("no player_id", e -> params(e).remove("player_id"), null, "required"));
        cases.add(player("empty player_id", e -> params(e).put("player_id", ""), null, "must not be empty"));
        cases.add(player("65-char level_id", e -> params(e).put("level_id", "l".repeat(65)), null, "at most 64"));
        cases.add(player("numeric map_id", e -> params(e).put("map_id", 3), null, "must be a string"));
        cases.add(player("timestamp not a date", e -> e.put("event_timestamp", "yesterday"), null, "ISO-8601"));
        cases.add(player("timestamp without zone", e -> e.put("event_timestamp", "2026-01-01T10:00:00"), null, "ISO-8601"));
        cases.add(player("timestamp a number", e -> e.put("event_timestamp", 1700000000), null, "must be a string"));
        cases.add(player("timestamp 31 days old", e -> e.put("event_timestamp", Instant.now().minus(Duration.ofDays(31)).toString()), null, "older"));
        cases.add(player("timestamp 3 days ahead", e -> e.put("event_timestamp", Instant.now().plus(Duration.ofDays(3)).toString()), null, "future"));
        cases.add(player("no user_data", e -> e.remove("user_data"), null, "required"));
        cases.add(player("user_data a string", e -> e.put("user_data", "player_1"), null, "must be an object"));
        cases.add(player("event_id not a UUID", e -> e.put("event_id", "abc"), null, "UUID"));
        cases.add(server("cpu_load over 100", e -> params(e).put("cpu_load", 101), "between 0 and 100"));
        cases.add(server("cpu_load negative", e -> params(e).put("cpu_load", -1), "between 0 and 100"));
        cases.add(server("cpu_load a string", e -> params(e).put("cpu_load", "high"), "must be a number"));
        cases.add(server("memory_usage over 100", e -> params(e).put("memory_usage", 100.5), "between 0 and 100"));
        cases.add(server("latency negative", e -> params(e).put("latency", -0.1), ">= 0"));
        cases.add(server("no server_data", e -> e.remove("server_data"), "required"));
        cases.add(server("empty region", e -> ((ObjectNode) e.get("server_data")).put("region", ""), "must not be empty"));
        cases.add(purchase("negative amount", e -> params(e).put("amount", -1), ">= 0"));
        cases.add(purchase("amount a string", e -> params(e).put("amount", "9.99"), "must be a number"));
        cases.add(purchase("amount beyond double", e -> params(e).put("amount", new java.math.BigDecimal("1e400")), "finite"));
        cases.add(purchase("lower-case currency", e -> params(e).put("currency", "usd"), "three upper-case letters"));
        cases.add(purchase("four-letter currency", e -> params(e).put("currency", "USDX"), "three upper-case letters"));
        cases.add(purchase("made-up currency", e -> params(e).put("currency", "XXY"), "ISO 4217"));
        cases.add(purchase("unknown transaction_type", e -> params(e).put("transaction_type", "gift"), "purchase, refund"));

        // refused before the events are read
        String valid = TestEvents.player("refused").toString();
        cases.add(new Case("no API key", JSON, null, null, bytes(valid), 401, "X-API-Key"));
        cases.add(new Case("unknown API key", JSON, null, "guess", bytes(valid), 401, "not valid"));
        cases.add(new Case("text/plain", "text/plain", null, TestEvents.API_KEY, bytes(valid), 415, "application/json"));
        cases.add(new Case("application/octet-stream", "application/octet-stream", null, TestEvents.API_KEY, bytes(valid), 415, "application/json"));
        cases.add(new Case("application/xml", "application/xml", null, TestEvents.API_KEY, bytes(valid), 415, "application/json"));
        cases.add(new Case("brotli", JSON, "br", TestEvents.API_KEY, bytes(valid), 415, "gzip"));
        cases.add(new Case("gzip bomb", JSON, "gzip", TestEvents.API_KEY, Gzip.bomb(8 * 1024 * 1024), 413, "inflates"));
        cases.add(new Case("1001 events", NDJSON, null, TestEvents.API_KEY, bytes((valid + "\n").repeat(1001)), 413, "at most 1000"));
        return cases;
    }

    private static Case player(String name, Consumer<ObjectNode> breakIt, String literal, String reason) {
        ObjectNode event = TestEvents.player("malformed");
        breakIt.accept(event);
        return new Case(name, JSON, null, TestEvents.API_KEY, bytes(literal != null ? literal : event.toString()), 400, reason);
    }

    private static Case server(String name, Consumer<ObjectNode> breakIt, String reason) {
        ObjectNode event = TestEvents.server("malformed");
        breakIt.accept(event);
        return new Case(name, JSON, null, TestEvents.API_KEY, bytes(event.toString()), 400, reason);
    }

    private static Case purchase(String name, Consumer<ObjectNode> breakIt, String reason) {
        ObjectNode event = TestEvents.purchase("malformed");
        breakIt.accept(event);
        return new Case(name, JSON, null, TestEvents.API_KEY, bytes(event.toString()), 400, reason);
    }

    private static ObjectNode params(ObjectNode event) {
        return TestEvents.parameters(event);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
