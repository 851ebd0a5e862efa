package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.LevelMapKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts the alerts the player branch sends, per level and map, in {@value EngagementTopology#CELL_ALERTS_STORE}:
 * in the same task and transaction as the alerts themselves, so that the counts and {@code engagement-alerts} agree
 * exactly, and the counts come back from the store's changelog at a start instead of from the whole alert topic.
 */
final class CellAlertCounter implements Processor<String, EngagementAlert, Void, Void> {

    private KeyValueStore<String, CellAlerts> cells;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.cells = context.getStateStore(EngagementTopology.CELL_ALERTS_STORE);
    }

    @Override
    public void process(Record<String, EngagementAlert> record) {
        EngagementAlert alert = record.value();
        String key = LevelMapKeys.cell(alert.levelId(), alert.mapId());
        CellAlerts counted = cells.get(key);
        cells.put(key, (counted == null ? CellAlerts.none(alert.levelId(), alert.mapId()) : counted).plus(alert));
    }
}
