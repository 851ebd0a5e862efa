package io.gameflow.engagement.domain;

import java.time.Duration;

/**
 * The fraud rules' settings (docs/definitions.md, "Fraud rules"): more than {@code velocityMax} purchases within
 * {@code velocityWindow}; more than {@code maxCurrencies} currencies within {@code hoppingWindow}; at least
 * {@code refundsMin} refunds that are more than {@code refundShare} of the purchases within {@code refundWindow}; an
 * amount over {@code outlierFactor} times its item type's running mean, once the mean has {@code outlierMinSamples}.
 */
public record FraudRules(int velocityMax, Duration velocityWindow, int maxCurrencies, Duration hoppingWindow,
                         int refundsMin, double refundShare, Duration refundWindow, double outlierFactor,
                         int outlierMinSamples) {

    public static final String VELOCITY = "purchase_velocity";
    public static final String HOPPING = "currency_hopping";
    public static final String REFUNDS = "refund_abuse";
    public static final String OUTLIER = "amount_outlier";


    /** The longest span a user's history must cover. */
    public Duration longestWindow() {
        Duration longest = velocityWindow;
        for (Duration d : new Duration[] {hoppingWindow, refundWindow}) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }
}
