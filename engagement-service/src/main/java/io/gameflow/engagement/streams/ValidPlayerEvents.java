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
 * <p>The visit is forwarded with its event time as record timestamp, so everything downstream (stream time,
 * future windows) runs on event time instead of the producer's clock.
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
                visit -> context.forward(record.withValue(visit).withTimestamp(visit.eventTimeMs())),
                skipped::increment);
    }
}
