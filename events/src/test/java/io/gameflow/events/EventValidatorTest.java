package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2024-11-12T12:00:00Z");
    private final EventValidator validator = new EventValidator(ValidationLimits.DEFAULT);

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                // missing fields
                player("missing player_id", e -> params(e).remove("player_id"), "parameters.player_id"),
                player("missing parameters", e -> e.remove("parameters"), "parameters"),
                player("missing user_data", e -> e.remove("user_data"), "user_data"),
                player("missing timestamp", e -> e.remove("event_timestamp"), "event_timestamp"),
                player("missing event_name", e -> e.remove("event_name"), "event_name"),
                purchase("missing currency", e -> params(e).remove("currency"), "parameters.currency"),
                server("missing server_data", e -> e.remove("server_data"), "server_data"),
                // wrong types
                player("level_id a number", e -> params(e).put("level_id", 2), "parameters.level_id"),
                player("parameters an array", e -> e.putArray("parameters"), "parameters"),
                purchase("amount a string", e -> params(e).put("amount", "4.99"), "parameters.amount"),
                server("cpu_load a string", e -> params(e).put("cpu_load", "78"), "parameters.cpu_load"),
                server("event_timestamp a number", e -> e.put("event_timestamp", 1731406530), "event_timestamp"),
                // out of range or malformed values
                player("empty session_id", e -> params(e).put("session_id", ""), "parameters.session_id"),
                player("player_id too long", e -> params(e).put("player_id", "p".repeat(65)), "parameters.player_id"),
                // identifiers: letters, digits and _ . : - only
                player("level_id with markup", e -> params(e).put("level_id", "<img src=x onerror=alert(1)>"), "parameters.level_id"),
                player("map_id with a space", e -> params(e).put("map_id", "map 03"), "parameters.map_id"),
                player("session_id with a slash", e -> params(e).put("session_id", "s/1"), "parameters.session_id"),
                player("user_id with a quote", e -> user(e).put("user_id", "p\"1"), "user_data.user_id"),
                player("player_id with a non-ASCII letter", e -> params(e).put("player_id", "pl\u0430yer_123"), "parameters.player_id"),
                player("player_id with a newline", e -> params(e).put("player_id", "p\n1"), "parameters.player_id"),
                purchase("item_id with a pipe", e -> params(e).put("item_id", "skin|dragon"), "parameters.item_id"),
                purchase("item_type with a comma", e -> params(e).put("item_type", "skin,weapon"), "parameters.item_type"),
                server("server_id of 200 chars", e -> params(e).put("server_id", "s".repeat(200)), "parameters.server_id"),
                server("region with braces", e -> serverData(e).put("region", "{us}"), "server_data.region"),
                server("server_type with a percent", e -> serverData(e).put("server_type", "100%"), "server_data.server_type"),
                // currency: a real ISO 4217 code
                purchase("currency not in ISO 4217", e -> params(e).put("currency", "XXY"), "parameters.currency"),
                purchase("currency XXX (no currency)", e -> params(e).put("currency", "XXX"), "parameters.currency"),
                player("unknown event_name", e -> e.put("event_name", "player_moved"), "event_name"),
                purchase("negative amount", e -> params(e).put("amount", -1), "parameters.amount"),
                purchase("lower-case currency", e -> params(e).put("currency", "usd"), "parameters.currency"),
                purchase("unknown transaction_type", e -> params(e).put("transaction_type", "gift"), "parameters.transaction_type"),
                server("cpu_load above 100", e -> params(e).put("cpu_load", 100.5), "parameters.cpu_load"),
                server("memory_usage below 0", e -> params(e).put("memory_usage", -3), "parameters.memory_usage"),
                server("negative latency", e -> params(e).put("latency", -1), "parameters.latency"),
                player("empty event_id", e -> e.put("event_id", ""), "event_id"),
                player("event_id not a UUID", e -> e.put("event_id", "evt-42"), "event_id"),
                player("event_id a number", e -> e.put("event_id", 42), "event_id"),
                // bad timestamps
                player("timestamp without zone", e -> e.put("event_timestamp", "2024-11-12T10:15:30"), "event_timestamp"),
                player("timestamp not a date", e -> e.put("event_timestamp", "yesterday"), "event_timestamp"),
                player("timestamp 31 days old", e -> e.put("event_timestamp", "2024-10-12T11:59:00Z"), "event_timestamp"),
                player("timestamp 3 days ahead", e -> e.put("event_timestamp", "2024-11-15T12:00:01Z"), "event_timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void reportsThePathOfTheProblem(String name, JsonNode event, String expectedPath) {
        List<Violation> violations = validator.validate(event, NOW);
        assertEquals(List.of(expectedPath), violations.stream().map(Violation::path).toList(), violations::toString);
        assertTrue(!violations.get(0).message().isBlank());
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        ObjectNode event = fresh(SeedExamples.serverMetricEvent());
        params(event).put("cpu_load", 120).put("memory_usage", "full").remove("server_id");
        event.put("event_timestamp", "soon");

        List<String> paths = validator.validate(event, NOW).stream().map(Violation::path).sorted().toList();

        assertEquals(List.of("event_timestamp", "parameters.cpu_load", "parameters.memory_usage", "parameters.server_id"), paths);
    }

    @Test
    void unknownEventNameNamesTheAcceptedOnes() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        event.put("event_name", "login");
        String message = validator.validate(event, NOW).get(0).message();
        assertTrue(message.contains("player_action") && message.contains("transaction") && message.contains("server_metric"), message);
    }

    @Test
    void aBadValueIsQuotedCutShortSoMessagesDoNotGrowWithTheInput() {
        ObjectNode event = fresh(SeedExamples.purchaseEvent());
        params(event).put("currency", "X".repeat(100_000));
        String message = validator.validate(event, NOW).get(0).message();
        assertTrue(message.length() < 200 && message.contains("'XXXX") && message.endsWith("...'"), message);
    }

    @Test
    void identifiersMayBe64LettersDigitsAndTheFourMarks() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        params(event).put("player_id", "P".repeat(60) + "_.:-").put("level_id", "world-1:level.02").put("map_id", "0");
        assertEquals(List.of(), validator.validate(event, NOW));
    }

    @Test
    void aBadIdentifierIsNamedByItsCharacterNotEchoed() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        params(event).put("level_id", "<img src=x onerror=alert(1)>");
        Violation violation = validator.validate(event, NOW).get(0);
        assertEquals("parameters.level_id", violation.path());
        assertTrue(violation.message().contains("character 1 is '<' (U+003C)"), violation.message());
        assertTrue(!violation.message().contains("onerror"), violation.message());
    }

    @Test
    void acceptsRealCurrenciesBeyondTheGeneratorsThree() {
        for (String currency : List.of("USD", "EUR", "GBP", "JPY", "BRL", "KRW", "CHF", "INR")) {
            ObjectNode event = fresh(SeedExamples.purchaseEvent());
            params(event).put("currency", currency);
            assertEquals(List.of(), validator.validate(event, NOW), currency);
        }
    }

    @Test
    void freeTextFieldsStayFreeText() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        user(event).put("platform", "Nintendo Switch");
        params(event).put("event_type", "level complete");
        assertEquals(List.of(), validator.validate(event, NOW));
    }

    @Test
    void aNonObjectIsOneViolationAtTheRoot() {
        assertEquals(List.of(new Violation("", "an event must be a JSON object")),
                validator.validate(EventJson.readTree("[1,2]"), NOW));
    }

    @Test
    void acceptsAClientEventIdThatIsAUuid() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        event.put("event_id", "3f1c9a52-6c1e-4a4f-9f63-0a3c2a1e9d10");
        assertEquals(List.of(), validator.validate(event, NOW));
    }

    @Test
    void acceptsAnOffsetOtherThanZ() {
        ObjectNode event = fresh(SeedExamples.playerEvent());
        event.put("event_timestamp", "2024-11-12T12:15:30+02:00");
        assertEquals(List.of(), validator.validate(event, NOW));
    }

    private static Arguments player(String name, Consumer<ObjectNode> breakIt, String path) {
        return broken(name, SeedExamples.playerEvent(), breakIt, path);
    }

    private static Arguments purchase(String name, Consumer<ObjectNode> breakIt, String path) {
        return broken(name, SeedExamples.purchaseEvent(), breakIt, path);
    }

    private static Arguments server(String name, Consumer<ObjectNode> breakIt, String path) {
        return broken(name, SeedExamples.serverMetricEvent(), breakIt, path);
    }

    private static Arguments broken(String name, String seed, Consumer<ObjectNode> breakIt, String path) {
        ObjectNode event = fresh(seed);
        breakIt.accept(event);
        return Arguments.of(name, event, path);
    }

    /** A seed example moved to 2024-11-12T10:15:30Z, inside the default bounds around {@link #NOW}. */
    private static ObjectNode fresh(String seed) {
        ObjectNode event = (ObjectNode) EventJson.readTree(seed);
        event.put("event_timestamp", "2024-11-12T10:15:30Z");
        return event;
    }

    private static ObjectNode params(ObjectNode event) {
        return (ObjectNode) event.get("parameters");
    }

    private static ObjectNode user(ObjectNode event) {
        return (ObjectNode) event.get("user_data");
    }

    private static ObjectNode serverData(ObjectNode event) {
        return (ObjectNode) event.get("server_data");
    }
}
