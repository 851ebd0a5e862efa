package io.gameflow.streams.support.input;

import io.gameflow.events.TopicRecordReader;
import io.gameflow.events.time.ClockSkew;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads a raw input record into what the analytics need, at the time it counts, or says why it is unusable
 * (docs/definitions.md): not JSON, not a valid event of the topic, keyed by something else than the id the topic is
 * keyed by (its state would land beside its owner's), or dated further ahead of the clock than the maximum future.
 *
 * <p>An event dated more than the allowed skew ahead of its receipt counts at its receipt time ({@link ClockSkew},
 * docs/time.md), so that a sender's clock cannot move anybody else's time; {@code skewed} is told of each.
 */
public final class InputReader<E, T> {

    private final InputKind<E, T> kind;
    private final TopicRecordReader<E> reader;
    private final Duration maxFuture;
    private final ClockSkew skew;
    private final Runnable skewed;

    public InputReader(InputKind<E, T> kind, Duration maxFuture, ClockSkew skew, Runnable skewed) {
        this.kind = kind;
        this.reader = new TopicRecordReader<>(kind.kind(), kind.type());
        this.maxFuture = maxFuture;
        this.skew = skew;
        this.skewed = skewed;
    }

    /**
     * @param recordTimestamp the Kafka record's timestamp: when the event was received
     * @param wallNow         this service's wall clock
     */
    public Reading<T> read(String key, String value, long recordTimestamp, long wallNow) {
        TopicRecordReader.Reading<E> reading = reader.read(value);
        if (!reading.isEvent()) {
            return Reading.unusable(value, reading.problem());
        }
        T read = kind.convert().apply(reading.event());
        String id = kind.keyOf().apply(read);
        if (!id.equals(key)) {
            return Reading.unusable(value, "record key '" + key + "' is not " + kind.keyField() + " '" + id + "'");
        }
        long eventTime = kind.timeOf().applyAsLong(read);
        if (eventTime > wallNow + maxFuture.toMillis()) {
            return Reading.unusable(value, "event_timestamp " + Instant.ofEpochMilli(eventTime) + " is more than "
                    + maxFuture + " ahead of the clock; the sender's clock is wrong");
        }
        long receivedAt = ClockSkew.receivedAt(recordTimestamp, wallNow);
        if (skew.isAhead(eventTime, receivedAt)) {
            skewed.run();
            return Reading.of(value, kind.at().at(read, receivedAt));
        }
        return Reading.of(value, read);
    }
}
