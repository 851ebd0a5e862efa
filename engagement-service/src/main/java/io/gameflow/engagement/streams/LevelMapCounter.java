package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds up a cell's counts: the events and new players each task saw on it in a commit interval
 * ({@link LevelMapDeltas}). Runs after the repartition by cell, so one task owns each cell's total.
 */
final class LevelMapCounter implements Processor<String, LevelMapStats, Void, Void> {

    private KeyValueStore<String, LevelMapStats> stats;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        stats = context.getStateStore(EngagementTopology.STATS_STORE);
    }

    @Override
    public void process(Record<String, LevelMapStats> record) {
        LevelMapStats delta = record.value();
        // the key is recomputed instead of trusting record.key(): the store must not depend on upstream keying
        String cellKey = LevelMapKeys.cell(delta.levelId(), delta.mapId());
        LevelMapStats current = stats.get(cellKey);
        stats.put(cellKey, current == null ? delta : current.plus(delta));
    }
}
