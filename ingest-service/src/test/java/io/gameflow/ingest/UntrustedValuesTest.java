package io.gameflow.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.gameflow.ingest.TestEvents.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Identifiers are letters, digits and _ . : - (at most 64), currencies real ISO 4217 codes: anything else is a 400
 * whose error names the field, so the value never reaches a key, a label or the live page.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class UntrustedValuesTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                player("markup in level_id", e -> params(e).put("level_id", "<img src=x onerror=alert(1)>"),
                        "parameters.level_id", "character 1 is '<'"),
                player("space in map_id", e -> params(e).put("map_id", "map 03"), "parameters.map_id", "U+0020"),
                player("65-char player_id", e -> params(e).put("player_id", "p".repeat(65)), "parameters.player_id", "at most 64"),
                player("quote in session_id", e -> params(e).put("session_id", "s\"1"), "parameters.session_id", "'\"'"),
                player("Cyrillic a in user_id", e -> user(e).put("user_id", "pl\u0430yer"), "user_data.user_id", "U+0430"),
                purchase("slash in item_id", e -> params(e).put("item_id", "skins/dragon"), "parameters.item_id", "'/'"),
                purchase("empty item_type", e -> params(e).put("item_type", ""), "parameters.item_type", "must not be empty"),
                purchase("made-up currency XXY", e -> params(e).put("currency", "XXY"), "parameters.currency", "ISO 4217"),
                purchase("lower-case currency", e -> params(e).put("currency", "eur"), "parameters.currency", "upper-case"),
                server("200-char server_id", e -> params(e).put("server_id", "s".repeat(200)), "parameters.server_id", "got 200"),
                server("newline in region", e -> serverData(e).put("region", "us\nwest"), "server_data.region", "U+000A"),
                server("semicolon in server_type", e -> serverData(e).put("server_type", "a;b"), "server_data.server_type", "';'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void isRefusedWith400NamingTheField(String name, ObjectNode event, String path, String reason) {
        withKey().contentType(ContentType.JSON).body(event.toString())
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("error", equalTo("no_valid_events"))
                .body("errors.path", contains(path))
                .body("errors[0].message", containsString(reason))
                .body("errors[0].message", not(containsString("onerror")));
    }

    private static Arguments player(String name, Consumer<ObjectNode> breakIt, String path, String reason) {
        return broken(name, TestEvents.player("untrusted-player"), breakIt, path, reason);
    }

    private static Arguments purchase(String name, Consumer<ObjectNode> breakIt, String path, String reason) {
        return broken(name, TestEvents.purchase("untrusted-buyer"), breakIt, path, reason);
    }

    private static Arguments server(String name, Consumer<ObjectNode> breakIt, String path, String reason) {
        return broken(name, TestEvents.server("untrusted-server"), breakIt, path, reason);
    }

    private static Arguments broken(String name, ObjectNode event, Consumer<ObjectNode> breakIt, String path, String reason) {
        breakIt.accept(event);
        return Arguments.of(name, event, path, reason);
    }

    private static ObjectNode params(ObjectNode event) {
        return TestEvents.parameters(event);
    }

    private static ObjectNode user(ObjectNode event) {
        return (ObjectNode) event.get("user_data");
    }

    private static ObjectNode serverData(ObjectNode event) {
        return (ObjectNode) event.get("server_data");
    }
}
