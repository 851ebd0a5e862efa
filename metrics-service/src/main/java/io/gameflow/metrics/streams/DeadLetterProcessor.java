package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Passes an unusable record on to the dead-letter topic as it was received, with why and where from in headers
 * ({@code dlq_error}, {@code dlq_topic}, {@code dlq_partition}, {@code dlq_offset}), and counts it.
 */
final class DeadLetterProcessor implements Processor<String, ServerMetricParser.Parsed, String, String> {

    private static final Logger LOG = Logger.getLogger(DeadLetterProcessor.class);

    private final MetricsMeters meters;
    private ProcessorContext<String, String> context;

    DeadLetterProcessor(MetricsMeters meters) {
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ServerMetricParser.Parsed> record) {
        meters.skipped();
        Headers headers = record.headers();
        add(headers, "dlq_error", record.value().problem());
        context.recordMetadata().ifPresent(source -> {
            add(headers, "dlq_topic", source.topic());
            add(headers, "dlq_partition", Integer.toString(source.partition()));
            add(headers, "dlq_offset", Long.toString(source.offset()));
        });
        LOG.debugf("dead-lettered a record keyed %s: %s", record.key(), record.value().problem());
        context.forward(record.withValue(record.value().raw()).withHeaders(headers));
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
