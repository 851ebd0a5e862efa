package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The running mean of one item type's purchase amounts in one currency, for the amount-outlier rule
 * ({@link io.gameflow.engagement.domain.rules.AmountOutlierRule}).
 */
@RegisterForReflection
public record ItemTypeMean(long count, double sum) {

    public static final ItemTypeMean EMPTY = new ItemTypeMean(0, 0);

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** The mean with one more amount in it. */
    public ItemTypeMean plus(double amount) {
        return new ItemTypeMean(count + 1, sum + amount);
    }
}
