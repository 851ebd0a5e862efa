package io.gameflow.streams.support.input;

import io.gameflow.events.EventKind;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How the events of one input topic are read: their kind and type, what the analytics take of each, the id the topic
 * is keyed by (and the field it comes from, to name it in a dead letter's reason), its time, and the same value
 * counted at another time.
 */
public record InputKind<E, T>(EventKind kind, Class<E> type, Function<E, T> convert, Function<T, String> keyOf,
                              String keyField, ToLongFunction<T> timeOf, TimeShift<T> at) {

    /** The same value counted at another time (its receipt time, when its own is too far ahead). */
    public interface TimeShift<T> {
        T at(T value, long timeMs);
    }
}
