package io.gameflow.ingest.pull;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.BodyDecoder;
import io.gameflow.ingest.domain.BodyFormat;
import io.gameflow.ingest.domain.EventBatch;
import io.gameflow.ingest.domain.MalformedBodyException;
import io.gameflow.ingest.domain.Origin;
import io.gameflow.ingest.domain.RawEvent;
import io.gameflow.ingest.domain.RejectionReason;
import io.gameflow.ingest.messaging.IngestMetrics;
import io.gameflow.ingest.service.IngestPipeline;
import io.gameflow.ingest.service.KafkaUnavailableException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP source connector: polls the configured web APIs and hands what they answer to the same
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
    private final Map<String, IngestPipeline.Screened> unacknowledged = new ConcurrentHashMap<>();

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
        IngestPipeline.Screened batch = unacknowledged.remove(url);
        if (batch == null) {
            List<RawEvent> events = fetch(url);
            if (events.isEmpty()) {
                return;
            }
            batch = pipeline.screen(events, Origin.pull(url));
            if (batch.result().rejected() > 0) {
                LOG.warnf("%s: %d events rejected (see ingest-rejected)", url, batch.result().rejected());
            }
        }
        try {
            pipeline.publish(batch).await().indefinitely();
        } catch (KafkaUnavailableException kafkaDown) {
            // only the accepted events wait for the next poll: the rejected ones were counted and copied once
            unacknowledged.put(url, batch);
            throw new PullFailedException("Kafka did not take " + batch.accepted().size()
                    + " events; they are sent again at the next poll");
        }
    }

    private List<RawEvent> fetch(String url) throws PullFailedException {
        HttpResponse<InputStream> response;
        byte[] raw;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.pull().timeout())
                    .header("Accept", BodyFormat.ACCEPTED_TYPES.replace(" or ", ", ")).GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                // one byte past the cap is enough to tell "too large"; a runaway answer is never read whole
                raw = body.readNBytes(config.maxBodyBytes() + 1);
            }
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
        byte[] body = decoder.decode(raw, response.headers().firstValue("Content-Encoding").orElse(null));
        if (holdsNothingNew(body)) {
            return List.of();
        }
        try {
            return EventBatch.parse(body, format, config.maxEventsPerRequest());
        } catch (MalformedBodyException e) {
            metrics.requestRefused(RejectionReason.MALFORMED_BODY);
            pipeline.refuseBody(body, RejectionReason.MALFORMED_BODY, e.getMessage(), Origin.pull(url));
            throw new PullFailedException("answered no events: " + e.getMessage());
        }
    }

    /** A web API with nothing new answers an empty body or an empty array: a quiet poll, not a broken one. */
    private static boolean holdsNothingNew(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() || text.replaceAll("\\s", "").equals("[]");
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
