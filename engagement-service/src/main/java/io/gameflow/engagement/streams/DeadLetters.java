package io.gameflow.engagement.streams;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;

/**
 * Passes an unusable record on to its dead-letter topic as it was received, with why and where from in headers
 * ({@code dlq_error}, {@code dlq_topic}, {@code dlq_partition}, {@code dlq_offset}), and counts it.
 */
final class DeadLetters<T> implements Processor<String, Reading<T>, String, String> {

    private final Counter deadLettered;
    private ProcessorContext<String, String> context;

    DeadLetters(Counter deadLettered) {
        this.deadLettered = deadLettered;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Reading<T>> record) {
        deadLettered.increment();
        Headers headers = record.headers();
        set(headers, "dlq_error", record.value().problem());
        context.recordMetadata().ifPresent(source -> {
            set(headers, "dlq_topic", source.topic());
            set(headers, "dlq_partition", Integer.toString(source.partition()));
            set(headers, "dlq_offset", Long.toString(source.offset()));
        });
        context.forward(record.withValue(record.value().raw()).withHeaders(headers));
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
