package io.gameflow.metrics.streams;

import io.gameflow.metrics.domain.ServerFleet;
import io.gameflow.metrics.domain.ServerSample;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;

/** Reads the {@value ServerLatestTopology#STORE} store of this instance (every partition it hosts). */
@ApplicationScoped
public class ServerLatestStore {

    private final KafkaStreams streams;

    public ServerLatestStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * @throws InvalidStateStoreException while the store is not queryable: before the streams run, during a
     *         rebalance or restoration; the caller should retry shortly
     */
    public ServerFleet fleet() {
        List<ServerSample> samples = new ArrayList<>();
        try (KeyValueIterator<String, ServerSample> all = store().all()) {
            all.forEachRemaining(entry -> samples.add(entry.value));
        }
        return ServerFleet.of(samples);
    }

    private ReadOnlyKeyValueStore<String, ServerSample> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                ServerLatestTopology.STORE, QueryableStoreTypes.keyValueStore()));
    }
}
