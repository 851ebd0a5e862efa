package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelMapKeys;
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
 * Interactive query of {@link EngagementTopology#CELLS_NOW_STORE}: every task counts its own players per cell, so
 * the entries of one cell are added up.
 */
@ApplicationScoped
public class CellsNowStore {

    private final KafkaStreams streams;

    public CellsNowStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Cell key -> players there now; @throws InvalidStateStoreException while the store cannot be read */
    public Map<String, CellNow> local() {
        ReadOnlyKeyValueStore<String, CellNow> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.CELLS_NOW_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, CellNow> cells = new HashMap<>();
        try (KeyValueIterator<String, CellNow> all = store.all()) {
            all.forEachRemaining(entry -> cells.merge(LevelMapKeys.cell(entry.value.levelId(), entry.value.mapId()),
                    entry.value, CellNow::plus));
        }
        return cells;
    }
}
