package io.gameflow.generator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gameflow.events.EventJson;
import io.gameflow.generator.config.GeneratorConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Posts one batch of events to ingest-service's {@code POST /v1/events} and reads its answer. */
final class IngestClient {

    static final String API_KEY_HEADER = "X-API-Key";

    private final HttpClient client;
    private final URI endpoint;
    private final Duration timeout;

    IngestClient(GeneratorConfig.Http config) {
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.endpoint = config.url().resolve("/v1/events");
        this.timeout = config.timeout();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The answer, whatever its status; throws only when no answer came (refused, reset, timed out). */
    Answer post(byte[] jsonArray, Optional<String> apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonArray));
        apiKey.ifPresent(key -> request.header(API_KEY_HEADER, key));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), retryAfterOf(response), bodyOf(response.body()));
    }

    private static Duration retryAfterOf(HttpResponse<?> response) {
        // ingest sends whole seconds; an HTTP date, which it never sends, falls back to the back-off
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private static JsonNode bodyOf(String text) {
        try {
            return text == null || text.isBlank() ? MissingNode.getInstance() : EventJson.readTree(text);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** An answer of ingest: the status, its Retry-After if any, and the JSON body (missing when there was none). */
    record Answer(int status, Duration retryAfter, JsonNode body) {

        /** Worth sending the same batch again: the server is busy or briefly unable, not refusing the events. */
        boolean retryable() {
            return status == 408 || status == 429 || status >= 500;
        }

        /** The error code and message of an error body, or the bare status. */
        String problem() {
            String error = body.path("error").asText("");
            String message = body.path("message").asText("");
            return ("ingest answered " + status + " " + error + (message.isEmpty() ? "" : ": " + message)).trim();
        }
    }
}
