package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.LevelMapStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Interactive query of {@link EngagementTopology.STATS_STORE}. Sees the cells of this instance's partitions only;
 * with one instance (or one partition) that is all of them.
 */
@ApplicationScoped
public class LevelMapStore {

    private final KafkaStreams streams;

    public LevelMapStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** @throws InvalidStateStoreException while the store cannot be read: not started yet, rebalancing, restoring */
    public List<LevelMapStats> all() {
        ReadOnlyKeyValueStore<String, LevelMapStats> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.STATS_STORE, QueryableStoreTypes.keyValueStore()));
        List<LevelMapStats> cells = new ArrayList<>();
        try (KeyValueIterator<String, LevelMapStats> all = store.all()) {
            all.forEachRemaining(entry -> cells.add(entry.value));
        }
        return cells;
    }
}
