package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelFunnelStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interactive query of {@link EngagementTopology#LEVEL_FUNNEL_STORE}: the levels of this instance's partitions. */
@ApplicationScoped
public class LevelFunnelStore {

    private final KafkaStreams streams;

    public LevelFunnelStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** By level_id; @throws InvalidStateStoreException while the store cannot be read */
    public List<LevelFunnelStats> all() {
        ReadOnlyKeyValueStore<String, LevelFunnelStats> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.LEVEL_FUNNEL_STORE, QueryableStoreTypes.keyValueStore()));
        List<LevelFunnelStats> levels = new ArrayList<>();
        try (KeyValueIterator<String, LevelFunnelStats> all = store.all()) {
            all.forEachRemaining(entry -> levels.add(entry.value));
        }
        levels.sort(Comparator.comparing(LevelFunnelStats::levelId));
        return levels;
    }
}
