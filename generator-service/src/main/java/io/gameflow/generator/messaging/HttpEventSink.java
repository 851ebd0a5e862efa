package io.gameflow.generator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.generator.config.GeneratorConfig;
import io.gameflow.generator.domain.Backoff;
import io.gameflow.generator.domain.GeneratedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to ingest-service as game clients and servers would: in batches, in order, one request at a time,
 * player and purchase events with the client key and server metrics with the server key ({@link IngestKeys}; a
 * batch holding both kinds goes out as one request per key, each kind still in order). A batch that
 * meets 429, 503, another 5xx or no answer is sent again, identical, after the wait the server asked for or a
 * growing back-off; ingest derives the same event ids from the same events, so a batch that did land before a lost
 * answer is dropped downstream as a duplicate. A batch ingest refuses (400, 401, 413...) cannot succeed by
 * repetition: it is counted as failed. While the backlog is full the generator holds back.
 */
@ApplicationScoped
@Typed(HttpEventSink.class)
public class HttpEventSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(HttpEventSink.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    private final GeneratorConfig.Http config;
    private final SendStats stats;
    private final IngestClient ingest;
    private final IngestKeys keys;
    private final BlockingQueue<GeneratedEvent> queue = new LinkedBlockingQueue<>();
    private final Backlog backlog = new Backlog();
    private final Backoff backoff;
    private Thread sender;

    public HttpEventSink(GeneratorConfig config, SendStats stats) {
        this.config = config.http();
        if (this.config.batchSize() < 1 || this.config.batchSize() > 1000) {
            throw new IllegalArgumentException("gameflow.generator.http.batch-size must be 1 to 1000 (ingest's limit), got "
                    + this.config.batchSize());
        }
        if (this.config.buffer() < this.config.batchSize()) {
            throw new IllegalArgumentException("gameflow.generator.http.buffer must hold at least one batch ("
                    + this.config.batchSize() + "), got " + this.config.buffer());
        }
        this.stats = stats;
        this.ingest = new IngestClient(this.config);
        this.keys = IngestKeys.of(this.config);
        this.backoff = new Backoff(FIRST_RETRY, this.config.maxBackoff());
    }

    @Override
    public synchronized void send(List<GeneratedEvent> events) {
        if (sender == null) {
            sender = new Thread(this::sendBatchesInOrder, "generator-http-sender");
            sender.setDaemon(true);
            sender.start();
            LOG.infof("sending events to %s in batches of up to %d", ingest.endpoint(), config.batchSize());
        }
        backlog.add(events.size());
        queue.addAll(events);
    }

    @Override
    public long backlog() {
        return backlog.size();
    }

    @Override
    public long room() {
        return config.buffer() - backlog.size();
    }

    @Override
    public boolean flush(Duration timeout) {
        return backlog.awaitEmpty(timeout);
    }

    @PreDestroy
    synchronized void close() {
        if (sender != null) {
            sender.interrupt();
        }
        long unsent = backlog.size();
        if (unsent > 0) {
            stats.failed((int) unsent, "shut down with " + unsent + " events not yet accepted by " + ingest.endpoint());
        }
    }

    private void sendBatchesInOrder() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                GeneratedEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<GeneratedEvent> batch = new ArrayList<>(config.batchSize());
                    batch.add(first);
                    queue.drainTo(batch, config.batchSize() - 1);
                    deliver(batch);
                    backlog.settle(batch.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once ingest answered every part of the batch for good. */
    private void deliver(List<GeneratedEvent> batch) throws InterruptedException {
        Map<Optional<String>, List<GeneratedEvent>> byKey = new LinkedHashMap<>();
        for (GeneratedEvent event : batch) {
            byKey.computeIfAbsent(keys.keyFor(event.kind()), key -> new ArrayList<>()).add(event);
        }
        for (Map.Entry<Optional<String>, List<GeneratedEvent>> part : byKey.entrySet()) {
            deliver(part.getValue(), part.getKey());
        }
    }

    /** Returns once ingest answered the events for good: accepted, or refused in a way no retry can change. */
    private void deliver(List<GeneratedEvent> batch, Optional<String> apiKey) throws InterruptedException {
        byte[] body = EventJson.mapper().createArrayNode()
                .addAll(batch.stream().map(event -> (JsonNode) EventJson.mapper().valueToTree(event.event())).toList())
                .toString().getBytes(StandardCharsets.UTF_8);
        while (true) {
            IngestClient.Answer answer;
            try {
                answer = ingest.post(body, apiKey);
            } catch (IOException noAnswer) {
                retryAfter(null, "io_error", "no answer from " + ingest.endpoint() + ": " + noAnswer);
                continue;
            }
            if (answer.status() == 200) {
                backoff.reset();
                countOutcomes(batch, answer.body());
                return;
            }
            if (!answer.retryable()) {
                backoff.reset();
                stats.failed(batch.size(), answer.problem());
                return;
            }
            retryAfter(answer.retryAfter(), String.valueOf(answer.status()), answer.problem());
        }
    }

    private void retryAfter(Duration asked, String reason, String problem) throws InterruptedException {
        Duration wait = backoff.after(asked);
        stats.retried(reason);
        stats.noteProblem(problem + "; sending the batch again in " + wait.toMillis() + " ms");
        Thread.sleep(wait.toMillis());
    }

    /** A 200 may still refuse single events (listed by index): those are failures, the rest delivered. */
    private void countOutcomes(List<GeneratedEvent> batch, JsonNode answer) {
        Set<Integer> refused = new HashSet<>();
        String firstProblem = null;
        for (JsonNode error : answer.path("errors")) {
            refused.add(error.path("index").asInt(-1));
            if (firstProblem == null) {
                firstProblem = "ingest refused an event: " + error.path("path").asText("") + " " + error.path("message").asText("");
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                stats.delivered(batch.get(i));
            }
        }
        if (!refused.isEmpty()) {
            stats.failed(refused.size(), firstProblem);
        }
    }
}
