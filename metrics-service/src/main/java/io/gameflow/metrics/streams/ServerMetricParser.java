package io.gameflow.metrics.streams;

import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.TopicRecordReader;
import io.gameflow.events.time.ClockSkew;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.ServerSample;

import java.time.Instant;

/**
 * Reads a raw {@code server-metrics} record: a sample at the time it counts, or the reason it is unusable (not JSON,
 * not a valid server metric, keyed by something else than its server_id, which would put its state beside its
 * server's, or dated further ahead of the clock than the maximum future).
 *
 * <p>A sample dated more than the allowed skew ahead of its receipt counts at its receipt time ({@link ClockSkew}), so
 * that one server's clock cannot make the others fall silent.
 */
final class ServerMetricParser {

    private static final TopicRecordReader<ServerMetricEvent> READER =
            new TopicRecordReader<>(EventKind.SERVER_METRIC, ServerMetricEvent.class);

    private ServerMetricParser() {
    }

    /**
     * @param recordTimestamp the Kafka record's timestamp: when the sample was received
     * @param wallNow         this service's wall clock
     * @param skewed          told of each sample that counts at its receipt time
     */
    static Parsed read(String key, String value, long recordTimestamp, long wallNow, RuleBook rules, Runnable skewed) {
        TopicRecordReader.Reading<ServerMetricEvent> reading = READER.read(value);
        if (!reading.isEvent()) {
            return new Parsed(value, null, reading.problem());
        }
        ServerSample sample = ServerSample.of(reading.event());
        if (!sample.serverId().equals(key)) {
            return new Parsed(value, null, "record key '" + key + "' is not parameters.server_id '" + sample.serverId() + "'");
        }
        long eventTime = sample.lastSeenTime().toEpochMilli();
        if (eventTime > wallNow + rules.maxFuture().toMillis()) {
            return new Parsed(value, null, "event_timestamp " + sample.lastSeen() + " is more than " + rules.maxFuture()
                    + " ahead of the clock; the sender's clock is wrong");
        }
        long receivedAt = ClockSkew.receivedAt(recordTimestamp, wallNow);
        if (rules.clockSkew().isAhead(eventTime, receivedAt)) {
            skewed.run();
            return new Parsed(value, sample.at(Instant.ofEpochMilli(receivedAt)), null);
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
