package io.gameflow.metrics.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records of one input topic that the topology could not use. Registered up front, so the
 * series exists at zero and an alert on its rate works before the first bad record.
 */
public final class SkippedRecords {

    public static final String METER = "gameflow.metrics.records.skipped";

    private final String topic;
    private final Counter counter;

    public SkippedRecords(MeterRegistry registry, String topic) {
        this.topic = topic;
        this.counter = Counter.builder(METER)
                .description("Input records skipped: not JSON, not a valid event of the topic, or not keyed by their id")
                .tag("topic", topic)
                .register(registry);
    }

    public String topic() {
        return topic;
    }

    public void increment() {
        counter.increment();
    }
}
