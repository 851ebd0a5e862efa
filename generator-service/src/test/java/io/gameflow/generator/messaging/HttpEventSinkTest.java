package io.gameflow.generator.messaging;

import com.sun.net.httpserver.HttpServer;
import io.gameflow.generator.config.GeneratorConfig;
import io.gameflow.generator.domain.SentKpis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;

import static io.gameflow.generator.TestEvents.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only what ingest accepted counts in the truth's KPIs: a batch it refuses, or one event of a batch, never does. */
class HttpEventSinkTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private final Queue<String[]> answers = new ConcurrentLinkedQueue<>();
    private HttpServer ingest;

    @BeforeEach
    void startIngest() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/v1/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] answer = answers.poll();
            if (answer == null) {
                answer = new String[] {"200", "{\"accepted\":1,\"rejected\":0,\"event_ids\":[],\"errors\":[]}"};
            }
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ingest.start();
    }

    @AfterEach
    void stopIngest() {
        ingest.stop(0);
    }

    @Test
    void refusedEventsDoNotCount() {
        answers.add(new String[] {"401", "{\"error\":\"unauthorized\",\"message\":\"send a valid X-API-Key\",\"details\":[]}"});
        answers.add(new String[] {"200", "{\"accepted\":1,\"rejected\":1,\"event_ids\":[],"
                + "\"errors\":[{\"index\":0,\"path\":\"/event_timestamp\",\"message\":\"too old\"}]}"});
        SentKpis kpis = new SentKpis(ZoneOffset.UTC);
        SendStats stats = new SendStats(new SimpleMeterRegistry(), kpis);
        HttpEventSink sink = new HttpEventSink(config(URI.create("http://127.0.0.1:" + ingest.getAddress().getPort())), stats);
        try {
            sink.send(List.of(action("p1", T)));
            assertTrue(sink.flush(Duration.ofSeconds(30)));
            sink.send(List.of(action("p2", T.plusSeconds(1)), action("p3", T.plusSeconds(2))));
            assertTrue(sink.flush(Duration.ofSeconds(30)));
            sink.send(List.of(action("p4", T.plusSeconds(3))));
            assertTrue(sink.flush(Duration.ofSeconds(30)));
        } finally {
            sink.close();
        }
        assertEquals(2, stats.sendErrors(), "p1's batch refused for good, p2 refused by index");
        SentKpis.KpiDay day = kpis.kpis().days().get(0);
        assertEquals(2, day.dau(), "p3 and p4 only");
        assertEquals(2, day.newPlayers());
    }


    private static GeneratorConfig config(URI url) {
        Map<String, Object> http = Map.of("url", url, "apiKey", Optional.of("test-key"), "clientApiKey", Optional.empty(),
                "serverApiKey", Optional.empty(), "batchSize", 50, "buffer", 1000, "timeout", Duration.ofSeconds(10),
                "maxBackoff", Duration.ofSeconds(1));
        GeneratorConfig.Http httpConfig = proxy(GeneratorConfig.Http.class, http);
        return proxy(GeneratorConfig.class, Map.of("http", httpConfig));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(HttpEventSinkTest.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
