package io.gameflow.engagement.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Reads a store in which every task holds its own part of the same keys (per cell, the task's players there), and
 * adds the parts of each key up: one entry per key over this instance's tasks.
 */
final class SummedOverTasks {

    private SummedOverTasks() {
    }

    /** @throws InvalidStateStoreException while the store cannot be read */
    static <V> Map<String, V> read(KafkaStreams streams, String storeName, BinaryOperator<V> plus) {
        ReadOnlyKeyValueStore<String, V> store = streams.store(
                StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
        Map<String, V> summed = new HashMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> summed.merge(entry.key, entry.value, plus));
        }
        return summed;
    }
}
