package io.gameflow.metrics.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.events.EventKind;
import io.gameflow.events.EventValidator;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.ValidationLimits;
import io.gameflow.events.Violation;
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

    // Unbounded ages: a replay of old events must give the same state as the live run did.
    private final EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);
    private final SkippedRecords skipped;

    ServerMetricParser(SkippedRecords skipped) {
        this.skipped = skipped;
    }

    @Override
    public Iterable<ServerSample> apply(String key, String value) {
        JsonNode node;
        try {
            node = EventJson.readTree(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            return skip(key, "not JSON");
        }
        List<Violation> violations = validator.validate(node);
        if (!violations.isEmpty()) {
            return skip(key, "invalid: " + violations);
        }
        if (!EventKind.SERVER_METRIC.eventName().equals(node.get("event_name").asText())) {
            return skip(key, "event_name is not " + EventKind.SERVER_METRIC.eventName());
        }
        ServerSample sample = ServerSample.of(EventJson.read(node, ServerMetricEvent.class));
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
