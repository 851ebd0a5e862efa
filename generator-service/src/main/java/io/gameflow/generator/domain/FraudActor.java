package io.gameflow.generator.domain;

/** A planted fraudster, as ground truth: who, and which of engagement's fraud rules their pattern should trip. */
public record FraudActor(String userId, Pattern pattern) {

    public enum Pattern {
        /** Eight purchases five seconds apart: more than 5 purchases in a minute. */
        PURCHASE_BURST,
        /** One purchase a minute, each in another currency: more than one currency in 10 minutes. */
        CURRENCY_HOPPING,
        /** Four purchases, then all four refunded: at least 3 refunds, more than half of the purchases. */
        REFUND_ABUSE,
        /** One purchase of a skin at ten times its catalogue price: over 2.5 times the item type's mean. */
        AMOUNT_OUTLIER
    }
}
