package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.ItemTypeMean;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.rules.AmountOutlierRule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per item type and currency (purchases re-keyed by both): the running mean, and the purchases far above it, keyed
 * by user.
 */
final class AmountOutliers implements Processor<String, Purchase, String, FraudFinding> {

    private final AmountOutlierRule rule;
    private final EngagementMeters meters;
    private ProcessorContext<String, FraudFinding> context;
    private KeyValueStore<String, ItemTypeMean> means;

    AmountOutliers(FraudRules rules, EngagementMeters meters) {
        this.rule = new AmountOutlierRule(rules.outlierFactor(), rules.outlierMinSamples());
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, FraudFinding> context) {
        this.context = context;
        this.means = context.getStateStore(PurchaseTopology.ITEM_TYPE_MEANS_STORE);
    }

    @Override
    public void process(Record<String, Purchase> record) {
        ItemTypeMean current = means.get(record.key());
        AmountOutlierRule.Step step = rule.observe(current == null ? ItemTypeMean.EMPTY : current, record.value());
        means.put(record.key(), step.mean());
        if (step.finding() != null) {
            meters.fraud(step.finding().rule());
            context.forward(new Record<>(step.finding().userId(), step.finding(), record.timestamp()));
        }
    }
}
