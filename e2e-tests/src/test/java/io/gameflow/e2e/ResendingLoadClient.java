package io.gameflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gameflow.e2e.IngestRequestLog.Outcome;
import io.gameflow.e2e.IngestRequestLog.Request;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A game client as ingest's API asks it to behave: a batch that is refused (503 with Retry-After, a connection refused
 * or reset, no answer in time) is sent again, unchanged — the same body, so the same event ids — until it is answered
 * 200; only then does its thread make the next one. One thread per {@link BatchSource}, each sending a batch every
 * interval. Every request goes to the {@link IngestRequestLog}, every 200 to the {@link AcknowledgedEvents}.
 */
final class ResendingLoadClient implements AutoCloseable {

    /** Far beyond ingest's promise (its Kafka timeout, 5 s): a request that waits this long is a broken promise. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Retry-After says 5 s; a game client in a hurry comes back sooner, and a restarted broker is used at once. */
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(1);
    /** After a refused connection: ingest is restarting; no need to knock more often. */
    private static final Duration RECONNECT_WAIT = Duration.ofMillis(200);

    private final URI endpoint;
    private final IngestRequestLog log;
    private final AcknowledgedEvents acknowledged;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    ResendingLoadClient(String ingestUrl, IngestRequestLog log, AcknowledgedEvents acknowledged) {
        this.endpoint = URI.create(ingestUrl + "/v1/events");
        this.log = log;
        this.acknowledged = acknowledged;
    }

    /** Starts a thread that sends a batch of {@code source} every {@code interval}, each until it is acknowledged. */
    void start(BatchSource source, Duration interval) {
        Thread thread = new Thread(() -> run(source, interval), "load-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /**
     * Makes no new batches, and waits until each thread has had its last one acknowledged.
     * @return whether all did within {@code timeout}; if not, the threads are interrupted
     */
    boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean drained = true;
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                drained = false;
                thread.interrupt();
            }
        }
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ZERO);
    }

    private void run(BatchSource source, Duration interval) {
        long next = System.nanoTime();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            if (!deliver(source.next())) {
                return;
            }
            next += interval.toNanos();
            long ahead = next - System.nanoTime();
            if (ahead > 0) {
                LockSupport.parkNanos(ahead);
            } else {
                // after an outage the client goes on at its pace, it does not send the missed batches in a burst
                next = System.nanoTime();
            }
        }
    }

    /** Sends the batch until it is acknowledged; false if the thread was interrupted first. */
    private boolean deliver(EventBatch batch) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-API-Key", batch.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(batch.body())).build();
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long end = System.nanoTime();
                int status = response.statusCode();
                if (status == 200) {
                    List<String> ids = eventIds(response.body());
                    log.add(new Request(start, end, Outcome.ACKNOWLEDGED, status, null));
                    acknowledged.acknowledged(batch, ids);
                    return true;
                }
                log.add(new Request(start, end, status == 503 ? Outcome.UNAVAILABLE : Outcome.UNEXPECTED, status,
                        status == 503 ? null : response.body()));
                if (status != 503 && status != 429) {
                    // ingest will never take this body: the test made it wrong; its events are not acknowledged
                    return true;
                }
                pause(retryAfter(response));
            } catch (HttpConnectTimeoutException e) {
                log.add(new Request(start, System.nanoTime(), Outcome.CONNECTION_FAILED, 0, e.toString()));
                pause(RECONNECT_WAIT);
            } catch (HttpTimeoutException e) {
                log.add(new Request(start, System.nanoTime(), Outcome.TIMED_OUT, 0, e.toString()));
            } catch (IOException e) {
                log.add(new Request(start, System.nanoTime(), Outcome.CONNECTION_FAILED, 0, e.toString()));
                pause(RECONNECT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private List<String> eventIds(String body) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : json.readTree(body).path("event_ids")) {
            ids.add(id.asText());
        }
        return ids;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Duration asked = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return MAX_RETRY_WAIT;
            }
        }).orElse(MAX_RETRY_WAIT);
        return asked.compareTo(MAX_RETRY_WAIT) < 0 ? asked : MAX_RETRY_WAIT;
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
