package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.metrics.domain.RuleBook;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Reads each raw record with {@link ServerMetricParser}, which needs the record's timestamp and the wall clock. */
final class ReadSamples implements FixedKeyProcessor<String, String, ServerMetricParser.Parsed> {

    private final RuleBook rules;
    private final MetricsMeters meters;
    private FixedKeyProcessorContext<String, ServerMetricParser.Parsed> context;

    ReadSamples(RuleBook rules, MetricsMeters meters) {
        this.rules = rules;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ServerMetricParser.Parsed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        context.forward(record.withValue(ServerMetricParser.read(record.key(), record.value(), record.timestamp(),
                context.currentSystemTimeMs(), rules, meters::clockSkewed)));
    }
}
