package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.TopicRecordReader;
import io.gameflow.events.time.ClockSkew;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reads a raw input record into what the analytics need, at the time it counts, or says why it is unusable: not
 * JSON, not a valid event of the topic, keyed by something else than the id the topic is keyed by (its state would
 * land beside its owner's), or dated further ahead of the clock than the maximum future.
 *
 * <p>An event dated more than the allowed skew ahead of its receipt counts at its receipt time ({@link ClockSkew}),
 * so that a client's clock cannot move anybody else's time; it is counted in {@code skewed}.
 */
final class InputReader<E, T> {

    /** How an event of the topic is read: its type, what the analytics take of it, its key and time. */
    record Kind<E, T>(EventKind kind, Class<E> type, Function<E, T> convert, Function<T, String> keyOf, String keyField,
                      ToLongFunction<T> timeOf, TimeShift<T> at) {
    }

    /** The same value counted at another time. */
    interface TimeShift<T> {
        T at(T value, long timeMs);
    }

    static final Kind<PlayerEvent, PlayerAction> PLAYER_EVENTS = new Kind<>(EventKind.PLAYER_ACTION, PlayerEvent.class,
            PlayerAction::of, PlayerAction::playerId, "parameters.player_id", PlayerAction::eventTimeMs, PlayerAction::at);
    static final Kind<PurchaseEvent, Purchase> PURCHASE_EVENTS = new Kind<>(EventKind.TRANSACTION, PurchaseEvent.class,
            Purchase::of, Purchase::userId, "user_data.user_id", Purchase::eventTimeMs, Purchase::at);

    private final Kind<E, T> kind;
    private final TopicRecordReader<E> reader;
    private final Duration maxFuture;
    private final ClockSkew skew;
    private final Runnable skewed;

    InputReader(Kind<E, T> kind, Duration maxFuture, ClockSkew skew, Runnable skewed) {
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
    Reading<T> read(String key, String value, long recordTimestamp, long wallNow) {
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
