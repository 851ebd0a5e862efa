package io.gameflow.ingest.pull;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.BodyDecoder;
import io.gameflow.ingest.domain.BodyFormat;
import io.gameflow.ingest.domain.EventBatch;
import io.gameflow.ingest.domain.Origin;
import io.gameflow.ingest.domain.RawEvent;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.messaging.IngestMetrics;
import io.gameflow.ingest.service.IngestPipeline;
import io.gameflow.ingest.service.IngestResult;
import io.gameflow.ingest.service.KafkaUnavailableException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's "HTTP source connector": polls the configured web APIs and hands what they answer to the same
 * pipeline as a POST. A batch Kafka did not acknowledge is kept and sent again before the URL is polled anew,
 * so a broker outage loses nothing that was pulled.
 */
@ApplicationScoped
public class HttpPullSource {

    private static final Logger LOG = Logger.getLogger(HttpPullSource.class);

    private final List<String> urls;
    private final IngestConfig config;
    private final BodyDecoder decoder;
    private final IngestPipeline pipeline;
    private final IngestMetrics metrics;
    private final HttpClient client;
    private final Map<String, List<RawEvent>> unacknowledged = new ConcurrentHashMap<>();

    public HttpPullSource(IngestConfig config, BodyDecoder decoder, IngestPipeline pipeline, IngestMetrics metrics) {
        this.urls = config.pull().urls().orElse(List.of());
        this.config = config;
        this.decoder = decoder;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder().connectTimeout(config.pull().timeout()).build();
        urls.forEach(url -> LOG.infof("pulling events from %s every %s", url, config.pull().interval()));
    }

    @Scheduled(identity = "http-pull", every = "${gameflow.ingest.pull.interval}", delayed = "${gameflow.ingest.pull.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NoUrls.class)
    void pollAll() {
        for (String url : urls) {
            try {
                poll(url);
                metrics.pollEnded(true);
            } catch (PullFailedException | RuntimeException e) {
                metrics.pollEnded(false);
                LOG.warnf("pulling %s failed: %s", url, e.getMessage());
            }
        }
    }

    private void poll(String url) throws PullFailedException {
        List<RawEvent> events = unacknowledged.remove(url);
        if (events == null) {
            events = fetch(url);
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            IngestResult result = pipeline.ingest(events, Origin.pull(url)).await().indefinitely();
            if (result.rejected() > 0) {
                LOG.warnf("%s: %d of %d events rejected (see ingest-rejected)", url, result.rejected(), events.size());
            }
        } catch (KafkaUnavailableException kafkaDown) {
            unacknowledged.put(url, events);
            throw new PullFailedException("Kafka did not take the " + events.size() + " events; they are sent again at the next poll");
        }
    }

    private List<RawEvent> fetch(String url) throws PullFailedException {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.pull().timeout())
                    .header("Accept", BodyFormat.ACCEPTED_TYPES.replace(" or ", ", ")).GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PullFailedException("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullFailedException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new PullFailedException("answered " + response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
        BodyFormat format = BodyFormat.of(contentType)
                .orElseThrow(() -> new PullFailedException("answered Content-Type " + contentType + ", not " + BodyFormat.ACCEPTED_TYPES));
        byte[] body = decoder.decode(response.body(), response.headers().firstValue("Content-Encoding").orElse(null));
        if (body.length == 0) {
            return List.of();
        }
        try {
            return EventBatch.parse(body, format, Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            metrics.requestRefused(RejectionReason.MALFORMED_BODY);
            pipeline.refuseBody(body, RejectionReason.MALFORMED_BODY, e.getMessage(), Origin.pull(url));
            throw new PullFailedException("answered no events: " + e.getMessage());
        }
    }

    /** Off by default: the scheduler skips every execution while no URL is configured. */
    @Singleton
    static class NoUrls implements Scheduled.SkipPredicate {

        private final boolean none;

        NoUrls(IngestConfig config) {
            this.none = config.pull().urls().map(List::isEmpty).orElse(true);
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return none;
        }
    }

    private static class PullFailedException extends Exception {
        PullFailedException(String message) {
            super(message);
        }
    }
}
