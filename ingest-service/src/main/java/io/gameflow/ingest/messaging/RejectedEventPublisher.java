package io.gameflow.ingest.messaging;

import io.gameflow.events.EventJson;
import io.gameflow.ingest.domain.RejectedRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Copies refused events to ingest-rejected, for the studio to see what its clients send wrong. The copies are
 * diagnostics, not the client's data: a request does not wait for them, and a copy Kafka does not take is logged
 * and counted, never turned into an error for the client (whose answer already says what was wrong).
 */
@ApplicationScoped
public class RejectedEventPublisher {

    private static final Logger LOG = Logger.getLogger(RejectedEventPublisher.class);

    /** Copies wait here while Kafka is slow; when it is full, further copies are dropped and counted, not queued. */
    static final int BUFFER = 1_024;

    private final MutinyEmitter<String> rejected;
    private final IngestMetrics metrics;

    public RejectedEventPublisher(@Channel("ingest-rejected") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> rejected,
                                  IngestMetrics metrics) {
        this.rejected = rejected;
        this.metrics = metrics;
    }

    public void copy(List<RejectedRecord> records) {
        for (RejectedRecord record : records) {
            try {
                rejected.send(EventJson.write(record)).subscribe().with(done -> { }, this::copyFailed);
            } catch (RuntimeException bufferFull) {
                copyFailed(bufferFull);
            }
        }
    }

    private void copyFailed(Throwable failure) {
        metrics.rejectedCopyFailed();
        LOG.warnf("could not copy a rejected event to ingest-rejected: %s", failure.getMessage());
    }
}
