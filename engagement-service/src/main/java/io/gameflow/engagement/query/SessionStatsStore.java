package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.SessionStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive query of {@link EngagementTopology#SESSION_STATS_STORE}: every task of this instance keeps one entry
 * under the same key, so they are read with {@code all()} and added up.
 */
@ApplicationScoped
public class SessionStatsStore {

    private final KafkaStreams streams;

    public SessionStatsStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** @throws InvalidStateStoreException while the store cannot be read */
    public SessionStats local() {
        ReadOnlyKeyValueStore<String, SessionStats> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.SESSION_STATS_STORE, QueryableStoreTypes.keyValueStore()));
        SessionStats total = SessionStats.NONE;
        try (KeyValueIterator<String, SessionStats> all = store.all()) {
            while (all.hasNext()) {
                total = total.plus(all.next().value);
            }
        }
        return total;
    }
}
