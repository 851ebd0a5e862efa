package io.gameflow.metrics.streams;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.AlertRule;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.Subject;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per region (the samples arrive keyed by region): the latest point of each server, and the region rules run on the
 * region's average whenever a sample is the region's newest. A sample more than the grace period behind the
 * region's newest is left out, as the server branch leaves it out (and counts it).
 */
final class RegionHealthProcessor implements Processor<String, ServerSample, String, Alert> {

    private final RuleBook rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RegionState> store;

    RegionHealthProcessor(RuleBook rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(MetricsTopology.REGION_STORE);
    }

    @Override
    public void process(Record<String, ServerSample> record) {
        String region = record.key();
        ServerSample sample = record.value();
        long time = sample.lastSeenTime().toEpochMilli();
        RegionState stored = store.get(region);
        RegionState state = stored == null ? RegionState.EMPTY : stored;
        if (stored != null && time < state.newest() - rules.grace().toMillis()) {
            return;
        }
        boolean newest = stored == null || time >= state.newest();
        state = state.with(sample.serverId(), Point.of(sample), rules.window().toMillis());
        if (newest) {
            for (AlertRule rule : rules.regionRules()) {
                RuleState.Step step = state.rules().getOrDefault(rule.name(), RuleState.CLEAR)
                        .observe(rule, Subject.region(region), state.average(rule.metric()), time);
                state = state.withRule(rule.name(), step.state());
                if (step.emitted() != null) {
                    context.forward(new Record<>(region, step.emitted(), record.timestamp()));
                }
            }
        }
        store.put(region, state);
    }
}
