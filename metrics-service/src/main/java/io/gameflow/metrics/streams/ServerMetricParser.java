package io.gameflow.metrics.streams;

import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.TopicRecordReader;
import io.gameflow.metrics.domain.ServerSample;
import org.apache.kafka.streams.kstream.ValueMapperWithKey;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Turns a raw {@code server-metrics} record into a sample, or into nothing when the record is unusable: one bad
 * record must not stop the stream for every server behind it. Skips are counted (a later issue adds a DLQ).
 */
final class ServerMetricParser implements ValueMapperWithKey<String, String, Iterable<ServerSample>> {

    private static final Logger LOG = Logger.getLogger(ServerMetricParser.class);

    private final TopicRecordReader<ServerMetricEvent> reader = new TopicRecordReader<>(EventKind.SERVER_METRIC, ServerMetricEvent.class);
    private final SkippedRecords skipped;

    ServerMetricParser(SkippedRecords skipped) {
        this.skipped = skipped;
    }

    @Override
    public Iterable<ServerSample> apply(String key, String value) {
        TopicRecordReader.Reading<ServerMetricEvent> reading = reader.read(value);
        if (!reading.isEvent()) {
            return skip(key, reading.problem());
        }
        ServerSample sample = ServerSample.of(reading.event());
        if (!sample.serverId().equals(key)) {
            // The state is partitioned by the record key: a sample keyed otherwise would land beside, not on, its server.
            return skip(key, "record key is not parameters.server_id '" + sample.serverId() + "'");
        }
        return List.of(sample);
    }

    private List<ServerSample> skip(String key, String reason) {
        skipped.increment();
        LOG.debugf("skipped record of %s with key %s: %s", skipped.topic(), key, reason);
        return List.of();
    }
}
