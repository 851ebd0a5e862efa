package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelEvent;
import io.gameflow.engagement.domain.LevelFunnelStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per level (the level steps re-keyed by level): players, completions, drop-offs and times to complete. */
final class LevelFunnel implements Processor<String, LevelEvent, Void, Void> {

    private KeyValueStore<String, LevelFunnelStats> levels;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.levels = context.getStateStore(EngagementTopology.LEVEL_FUNNEL_STORE);
    }

    @Override
    public void process(Record<String, LevelEvent> record) {
        LevelEvent event = record.value();
        LevelFunnelStats current = levels.get(event.levelId());
        levels.put(event.levelId(), (current == null ? LevelFunnelStats.empty(event.levelId()) : current).plus(event));
    }
}
