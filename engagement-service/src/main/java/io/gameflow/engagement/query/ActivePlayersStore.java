package io.gameflow.engagement.query;

import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.streams.EngagementTopology;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Map;
import java.util.TreeMap;

/**
 * Interactive query of {@link EngagementTopology#ACTIVE_COUNTS_STORE}: the active-player counts of this instance's
 * tasks, summed ("window|platform" -> players). Tasks hold disjoint players, so the sum is exact.
 */
@ApplicationScoped
public class ActivePlayersStore {

    private final KafkaStreams streams;

    public ActivePlayersStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** @throws InvalidStateStoreException while the store cannot be read: not started yet, rebalancing, restoring */
    public Map<String, Long> counts() {
        ReadOnlyKeyValueStore<String, Long> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.ACTIVE_COUNTS_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, Long> counts = new TreeMap<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry -> {
                // the store holds the studio KPIs' day counters too
                if (!KpiKeys.isKpiKey(entry.key)) {
                    counts.merge(entry.key, entry.value, Long::sum);
                }
            });
        }
        return counts;
    }
}
