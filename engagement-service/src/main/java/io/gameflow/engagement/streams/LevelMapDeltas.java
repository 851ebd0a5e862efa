package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerAction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-player half of the level/map counts, where the events arrive (keyed by player): whether this is the
 * player's first event on the cell ({@value EngagementTopology#CELL_PLAYERS_STORE}), and each cell's events and new
 * players since the last commit ({@value EngagementTopology#CELL_DELTAS_STORE}). Once per commit interval the
 * deltas go, keyed by cell, to {@link LevelMapCounter}: one repartitioned record per cell and interval instead of
 * one per event, which was a produce, a fetch and two JSON conversions for every event.
 *
 * <p>The deltas are a store, not a map in memory, so that they commit in the same transaction as the input offsets
 * that made them: after a crash they are restored and sent, never lost or sent twice.
 */
final class LevelMapDeltas implements Processor<String, PlayerAction, String, LevelMapStats> {

    private static final long DEFAULT_COMMIT_INTERVAL_MS = 100;

    private ProcessorContext<String, LevelMapStats> context;
    private KeyValueStore<String, Long> playersOnCells;
    private KeyValueStore<String, LevelMapStats> deltas;

    @Override
    public void init(ProcessorContext<String, LevelMapStats> context) {
        this.context = context;
        this.playersOnCells = context.getStateStore(EngagementTopology.CELL_PLAYERS_STORE);
        this.deltas = context.getStateStore(EngagementTopology.CELL_DELTAS_STORE);
        context.schedule(Duration.ofMillis(commitInterval(context)), PunctuationType.WALL_CLOCK_TIME, wall -> sendDeltas());
    }

    @Override
    public void process(Record<String, PlayerAction> record) {
        PlayerAction action = record.value();
        String playerOnCell = LevelMapKeys.player(action.levelId(), action.mapId(), action.playerId());
        boolean newOnCell = playersOnCells.get(playerOnCell) == null;
        // only whether the player was here matters: written once, not on every event (a write and a changelog record)
        if (newOnCell) {
            playersOnCells.put(playerOnCell, 1L);
        }

        String cell = LevelMapKeys.cell(action.levelId(), action.mapId());
        LevelMapStats delta = deltas.get(cell);
        LevelMapStats base = delta == null ? LevelMapStats.empty(action.levelId(), action.mapId()) : delta;
        deltas.put(cell, base.plus(newOnCell, action.eventTimeMs(), action.eventType()));
    }

    private void sendDeltas() {
        List<KeyValue<String, LevelMapStats>> due = new ArrayList<>();
        try (KeyValueIterator<String, LevelMapStats> all = deltas.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, LevelMapStats> delta : due) {
            context.forward(new Record<>(delta.key, delta.value, delta.value.lastEventMs()));
            deltas.delete(delta.key);
        }
    }

    private static long commitInterval(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return configured == null ? DEFAULT_COMMIT_INTERVAL_MS : Long.parseLong(configured.toString());
    }
}
