package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.Purchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code refund_abuse}: at least {@code refundsMin} refunds within the window, and more refunds than
 * {@code refundShare} times the purchases of that window; see docs/definitions.md, "Fraud rules".
 */
public final class RefundAbuseRule implements UserFraudRule {

    private final int refundsMin;
    private final double refundShare;
    private final Duration window;

    public RefundAbuseRule(int refundsMin, double refundShare, Duration window) {
        this.refundsMin = refundsMin;
        this.refundShare = refundShare;
        this.window = window;
    }

    @Override
    public String name() {
        return FraudRules.REFUNDS;
    }

    @Override
    public Optional<Breach> check(List<Purchase> recent, long now) {
        List<Purchase> inWindow = UserFraudRule.within(recent, now, window.toMillis(), p -> true);
        long refunds = inWindow.stream().filter(Purchase::isRefund).count();
        long purchases = inWindow.size() - refunds;
        if (refunds < refundsMin || refunds <= refundShare * purchases) {
            return Optional.empty();
        }
        return Optional.of(new Breach(inWindow, Map.of("refunds", refunds, "purchases", purchases,
                "min_refunds", refundsMin, "max_share", refundShare)));
    }
}
