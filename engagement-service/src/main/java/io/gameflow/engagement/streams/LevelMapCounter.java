package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.LevelMapVisit;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts events and distinct players of a cell. Runs after the repartition by cell, so one task owns a cell and
 * both of its stores: reading "seen before?" and writing the counts happen in one task and are committed
 * together (exactly_once_v2 commits both changelogs in one transaction), which keeps the distinct count exact.
 */
final class LevelMapCounter implements Processor<String, LevelMapVisit, Void, Void> {

    private KeyValueStore<String, LevelMapStats> stats;
    private KeyValueStore<String, Long> players;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        stats = context.getStateStore(EngagementTopology.STATS_STORE);
        players = context.getStateStore(EngagementTopology.CELL_PLAYERS_STORE);
    }

    @Override
    public void process(Record<String, LevelMapVisit> record) {
        LevelMapVisit visit = record.value();
        String playerKey = LevelMapKeys.player(visit);
        Long playerEvents = players.get(playerKey);
        players.put(playerKey, playerEvents == null ? 1L : playerEvents + 1);

        // the key is recomputed instead of trusting record.key(): the store must not depend on upstream keying
        String cellKey = LevelMapKeys.cell(visit);
        LevelMapStats current = stats.get(cellKey);
        LevelMapStats base = current == null ? LevelMapStats.empty(visit.levelId(), visit.mapId()) : current;
        stats.put(cellKey, base.plus(playerEvents == null, visit.eventTimeMs(), visit.eventType()));
    }
}
