package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelMapVisit;
import io.gameflow.engagement.domain.PlayerEventReader;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Keeps the valid player events as visits and drops the rest, counting them: one bad record must not stop the
 * stream (the default would kill the stream thread). A later issue routes the dropped records to a DLQ.
 *
 * <p>The record keeps its input timestamp: the event time travels in the visit itself. Stamping records with a
 * client's event time would let one event dated more than an hour ahead (accepted by ingest up to two days ahead)
 * be refused by the broker on the repartition topic, and that failure would stop the stream for good.
 */
final class ValidPlayerEvents implements FixedKeyProcessor<String, String, LevelMapVisit> {

    private final PlayerEventReader reader = new PlayerEventReader();
    private final Counter skipped;
    private FixedKeyProcessorContext<String, LevelMapVisit> context;

    ValidPlayerEvents(Counter skipped) {
        this.skipped = skipped;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, LevelMapVisit> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        reader.read(record.value()).ifPresentOrElse(
                visit -> context.forward(record.withValue(visit)),
                skipped::increment);
    }
}
