package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelEvent;
import io.gameflow.engagement.domain.LevelFunnelStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per level (the level steps re-keyed by level): players, completions, drop-offs and times to complete. Each time
 * to complete goes to a slot of a ring in {@value EngagementTopology#LEVEL_DURATIONS_STORE}, so that a step writes a
 * few numbers rather than the level's ten thousand kept times.
 */
public final class LevelFunnel implements Processor<String, LevelEvent, Void, Void> {

    private KeyValueStore<String, LevelFunnelStats> levels;
    private KeyValueStore<String, Long> durations;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.levels = context.getStateStore(EngagementTopology.LEVEL_FUNNEL_STORE);
        this.durations = context.getStateStore(EngagementTopology.LEVEL_DURATIONS_STORE);
    }

    @Override
    public void process(Record<String, LevelEvent> record) {
        LevelEvent event = record.value();
        LevelFunnelStats current = levels.get(event.levelId());
        if (current == null) {
            current = LevelFunnelStats.empty(event.levelId());
        }
        if (LevelEvent.COMPLETED.equals(event.kind())) {
            durations.put(durationKey(event.levelId(), current.nextSlot()), event.durationMs());
        }
        levels.put(event.levelId(), current.plus(event));
    }

    /**
     * "length:level_id|slot": the id's length goes first, so that the range of level "a" can never hold the times of
     * another level whose id starts with "a" (ids may hold ":" and "."; "|" is refused today, but the key does not rely
     * on it); the slot is zero-padded so that a level's times are one range.
     */
    static String durationKey(String levelId, int slot) {
        return prefix(levelId) + String.format("%05d", slot);
    }

    public static String firstDurationKey(String levelId) {
        return prefix(levelId);
    }

    public static String lastDurationKey(String levelId) {
        return prefix(levelId) + "\uffff";
    }

    private static String prefix(String levelId) {
        return levelId.length() + ":" + levelId + "|";
    }
}
