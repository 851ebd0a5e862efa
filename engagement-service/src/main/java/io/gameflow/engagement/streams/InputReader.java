package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.TopicRecordReader;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reads a raw input record into what the analytics need, or says why it is unusable: not JSON, not a valid event of
 * the topic, keyed by something else than the id the topic is keyed by (its state would land beside its owner's),
 * or dated further ahead of the clock than allowed.
 */
final class InputReader<E, T> {

    private final TopicRecordReader<E> reader;
    private final Function<E, T> convert;
    private final Function<T, String> keyOf;
    private final String keyField;
    private final ToLongFunction<T> eventTimeOf;
    private final Duration maxFuture;

    private InputReader(EventKind kind, Class<E> type, Function<E, T> convert, Function<T, String> keyOf, String keyField,
                        ToLongFunction<T> eventTimeOf, Duration maxFuture) {
        this.reader = new TopicRecordReader<>(kind, type);
        this.convert = convert;
        this.keyOf = keyOf;
        this.keyField = keyField;
        this.eventTimeOf = eventTimeOf;
        this.maxFuture = maxFuture;
    }

    static InputReader<PlayerEvent, PlayerAction> playerEvents(Duration maxFuture) {
        return new InputReader<>(EventKind.PLAYER_ACTION, PlayerEvent.class, PlayerAction::of, PlayerAction::playerId,
                "parameters.player_id", PlayerAction::eventTimeMs, maxFuture);
    }

    static InputReader<PurchaseEvent, Purchase> purchaseEvents(Duration maxFuture) {
        return new InputReader<>(EventKind.TRANSACTION, PurchaseEvent.class, Purchase::of, Purchase::userId,
                "user_data.user_id", Purchase::eventTimeMs, maxFuture);
    }

    Reading<T> read(String key, String value) {
        TopicRecordReader.Reading<E> reading = reader.read(value);
        if (!reading.isEvent()) {
            return Reading.unusable(value, reading.problem());
        }
        T read = convert.apply(reading.event());
        String id = keyOf.apply(read);
        if (!id.equals(key)) {
            return Reading.unusable(value, "record key '" + key + "' is not " + keyField + " '" + id + "'");
        }
        Instant eventTime = Instant.ofEpochMilli(eventTimeOf.applyAsLong(read));
        if (eventTime.isAfter(Instant.now().plus(maxFuture))) {
            return Reading.unusable(value, "event_timestamp " + eventTime + " is more than " + maxFuture
                    + " ahead of the clock; the sender's clock is wrong");
        }
        return Reading.of(value, read);
    }
}
