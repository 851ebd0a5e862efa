package io.gameflow.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real web API for the pull source to poll: each path serves the body a test queued once, then an empty
 * array, the way a sample endpoint runs dry.
 */
public class EventsWebApiResource implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;
    private static final Map<String, String[]> queued = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    static void serveOnce(String path, String contentType, String body) {
        queued.put(path, new String[] {contentType, body});
    }

    static int timesServed(String path) {
        return served.getOrDefault(path, new AtomicInteger()).get();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", EventsWebApiResource::answer);
        server.start();
        return Map.of("gameflow.ingest.pull.urls", url("/events.json") + "," + url("/events.ndjson"));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] next = queued.remove(path);
        if (next != null) {
            served.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }
        String contentType = next == null ? "application/json" : next[0];
        byte[] body = (next == null ? "[]" : next[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
