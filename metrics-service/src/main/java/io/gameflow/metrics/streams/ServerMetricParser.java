package io.gameflow.metrics.streams;

import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.TopicRecordReader;
import io.gameflow.metrics.domain.ServerSample;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads a raw {@code server-metrics} record: a sample, or the reason it is unusable (not JSON, not a valid server
 * metric, keyed by something else than its server_id, which would put its state beside its server's, or dated
 * further ahead of the clock than allowed).
 */
final class ServerMetricParser {

    private static final TopicRecordReader<ServerMetricEvent> READER =
            new TopicRecordReader<>(EventKind.SERVER_METRIC, ServerMetricEvent.class);

    private ServerMetricParser() {
    }

    static Parsed read(String key, String value, Duration maxFuture) {
        TopicRecordReader.Reading<ServerMetricEvent> reading = READER.read(value);
        if (!reading.isEvent()) {
            return new Parsed(value, null, reading.problem());
        }
        ServerSample sample = ServerSample.of(reading.event());
        if (!sample.serverId().equals(key)) {
            return new Parsed(value, null, "record key '" + key + "' is not parameters.server_id '" + sample.serverId() + "'");
        }
        Instant latestAllowed = Instant.now().plus(maxFuture);
        if (sample.lastSeenTime().isAfter(latestAllowed)) {
            return new Parsed(value, null, "event_timestamp " + sample.lastSeen() + " is more than " + maxFuture
                    + " ahead of the clock; the sender's clock is wrong");
        }
        return new Parsed(value, sample, null);
    }

    /** The raw value, and either the sample read from it or the problem that stopped it. */
    record Parsed(String raw, ServerSample sample, String problem) {

        boolean isSample() {
            return sample != null;
        }
    }
}
