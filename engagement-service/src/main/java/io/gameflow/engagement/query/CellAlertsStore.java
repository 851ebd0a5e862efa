package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.CellAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

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
        return SummedOverTasks.read(streams, EngagementTopology.CELL_ALERTS_STORE, CellAlerts::plus);
    }
}
