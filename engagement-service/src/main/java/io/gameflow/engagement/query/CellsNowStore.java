package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.CellNow;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

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
        return SummedOverTasks.read(streams, EngagementTopology.CELLS_NOW_STORE, CellNow::plus);
    }
}
