package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CellAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.HashMap;
import java.util.Map;

/**
 * Interactive query of {@link EngagementTopology#CELL_ALERTS_STORE}: every task counts the alerts of its own players
 * per cell, so the entries of one cell are added up.
 */
@ApplicationScoped
public class CellAlertsStore {

    private final KafkaStreams streams;

    public CellAlertsStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Cell key -> stuck players and drop-offs there; @throws InvalidStateStoreException while the store cannot be read */
    public Map<String, CellAlerts> local() {
        ReadOnlyKeyValueStore<String, CellAlerts> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.CELL_ALERTS_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, CellAlerts> cells = new HashMap<>();
        try (KeyValueIterator<String, CellAlerts> all = store.all()) {
            all.forEachRemaining(entry -> cells.merge(entry.key, entry.value, CellAlerts::plus));
        }
        return cells;
    }
}
