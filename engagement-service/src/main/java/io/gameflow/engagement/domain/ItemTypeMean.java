package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * The running mean of one item type's purchase amounts in one currency, for the amount-outlier rule. An amount flagged as an
 * outlier is left out of the mean, so that a fraudster cannot raise the bar for the next one.
 */
@RegisterForReflection
public record ItemTypeMean(long count, double sum) {

    public static final ItemTypeMean EMPTY = new ItemTypeMean(0, 0);

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** The mean after this purchase, and the finding if it is an outlier. */
    public Step observe(Purchase purchase, FraudRules rules) {
        if (count >= rules.outlierMinSamples() && purchase.amount() > rules.outlierFactor() * mean()) {
            FraudFinding finding = FraudFinding.of(FraudRules.OUTLIER, purchase.userId(), purchase.platform(),
                    purchase.eventTimeMs(), purchase.eventTimeMs(), List.of(purchase.transactionId()),
                    Map.of("amount", purchase.amount(), "currency", purchase.currency(), "item_type", purchase.itemType(),
                            "item_type_mean", mean(), "factor", rules.outlierFactor()));
            return new Step(this, finding);
        }
        return new Step(new ItemTypeMean(count + 1, sum + purchase.amount()), null);
    }

    public record Step(ItemTypeMean mean, FraudFinding finding) {
    }
}
