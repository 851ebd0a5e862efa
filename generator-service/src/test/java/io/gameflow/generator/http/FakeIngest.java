package io.gameflow.generator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for ingest-service's {@code POST /v1/events}: it answers the scripted answers in
 * turn, then 200 with ingest's body, and records every request it got with the status it answered.
 */
public class FakeIngest implements QuarkusTestResourceLifecycleManager {

    /** One answer: a status, its Retry-After (or null), a body; status 0 closes the connection without an answer. */
    public record Scripted(int status, String retryAfter, String body) {
    }

    public record Request(String apiKey, String body, int answeredStatus) {
    }

    private static final Queue<Scripted> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static void script(Scripted... answers) {
        SCRIPT.addAll(List.of(answers));
    }

    public static List<Request> requests() {
        return List.copyOf(REQUESTS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/events", this::answer);
        server.start();
        return Map.of("gameflow.generator.http.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Scripted answer = SCRIPT.poll();
        if (answer == null) {
            answer = new Scripted(200, null, "{\"accepted\":1,\"rejected\":0,\"event_ids\":[],\"errors\":[]}");
        }
        REQUESTS.add(new Request(exchange.getRequestHeaders().getFirst("X-API-Key"), body, answer.status()));
        if (answer.status() == 0) {
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
