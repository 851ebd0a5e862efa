package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelEvent;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerLevels;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per player (the input key): the levels entered and completed, and the level steps each event makes. */
final class LevelProgress implements Processor<String, PlayerAction, String, LevelEvent> {

    private ProcessorContext<String, LevelEvent> context;
    private KeyValueStore<String, PlayerLevels> players;

    @Override
    public void init(ProcessorContext<String, LevelEvent> context) {
        this.context = context;
        this.players = context.getStateStore(EngagementTopology.PLAYER_LEVELS_STORE);
    }

    @Override
    public void process(Record<String, PlayerAction> record) {
        PlayerLevels before = players.get(record.key());
        PlayerLevels.Step step = (before == null ? PlayerLevels.NONE : before).on(record.value());
        players.put(record.key(), step.levels());
        step.steps().forEach(event -> context.forward(record.withValue(event)));
    }
}
