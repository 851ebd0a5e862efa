package io.gameflow.streams.support.input;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Reads each raw record with an {@link InputReader}, which needs the record's timestamp and the wall clock. */
public final class ReadInput<T> implements FixedKeyProcessor<String, String, Reading<T>> {

    private final InputReader<?, T> reader;
    private FixedKeyProcessorContext<String, Reading<T>> context;

    public ReadInput(InputReader<?, T> reader) {
        this.reader = reader;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Reading<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        context.forward(record.withValue(reader.read(record.key(), record.value(), record.timestamp(),
                context.currentSystemTimeMs())));
    }
}
