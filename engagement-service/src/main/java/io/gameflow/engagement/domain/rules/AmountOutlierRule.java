package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.ItemTypeMean;
import io.gameflow.engagement.domain.Purchase;

import java.util.List;
import java.util.Map;

/**
 * {@code amount_outlier}: a purchase whose amount is more than {@code factor} times the running mean of its item
 * type and currency, once that mean has at least {@code minSamples} purchases; see docs/definitions.md, "Fraud rules".
 */
public final class AmountOutlierRule {

    private final double factor;
    private final int minSamples;

    public AmountOutlierRule(double factor, int minSamples) {
        this.factor = factor;
        this.minSamples = minSamples;
    }

    /**
     * The mean after this purchase, and the finding if it is an outlier. An outlier stays out of the mean, so that a
     * fraudster cannot raise the bar for the next one; each outlier is its own finding (no episodes).
     */
    public Step observe(ItemTypeMean mean, Purchase purchase) {
        if (mean.count() >= minSamples && purchase.amount() > factor * mean.mean()) {
            FraudFinding finding = FraudFinding.of(FraudRules.OUTLIER, purchase.userId(), purchase.platform(),
                    purchase.eventTimeMs(), purchase.eventTimeMs(), List.of(purchase.transactionId()),
                    Map.of("amount", purchase.amount(), "currency", purchase.currency(), "item_type", purchase.itemType(),
                            "item_type_mean", mean.mean(), "factor", factor));
            return new Step(mean, finding);
        }
        return new Step(mean.plus(purchase.amount()), null);
    }

    /** The mean to keep, and the finding to send (null when the purchase is no outlier). */
    public record Step(ItemTypeMean mean, FraudFinding finding) {
    }
}
