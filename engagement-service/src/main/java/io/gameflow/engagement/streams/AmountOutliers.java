package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.ItemTypeMean;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.rules.AmountOutlierRule;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
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
    private final RecordTracing tracing;
    private final FindingsOut out;
    private ProcessorContext<String, FraudFinding> context;
    private KeyValueStore<String, ItemTypeMean> means;

    AmountOutliers(FraudRules rules, EngagementMeters meters, RecordTracing tracing) {
        this.rule = new AmountOutlierRule(rules.outlierFactor(), rules.outlierMinSamples());
        this.tracing = tracing;
        this.out = new FindingsOut(meters);
    }

    @Override
    public void init(ProcessorContext<String, FraudFinding> context) {
        this.context = context;
        this.means = context.getStateStore(PurchaseTopology.ITEM_TYPE_MEANS_STORE);
    }

    @Override
    public void process(Record<String, Purchase> record) {
        Span span = tracing.start("amount outlier rule", record.headers());
        try (Scope current = span == null ? null : span.makeCurrent()) {
            ItemTypeMean mean = means.get(record.key());
            AmountOutlierRule.Step step = rule.observe(mean == null ? ItemTypeMean.EMPTY : mean, record.value());
            means.put(record.key(), step.mean());
            if (step.finding() != null) {
                out.send(context, step.finding(), record, span);
            }
        } finally {
            if (span != null) {
                span.end();
            }
        }
    }
}
