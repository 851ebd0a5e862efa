package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.Purchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code purchase_velocity}: more than {@code max} purchases (refunds not counted) within the window; see
 * docs/definitions.md, "Fraud rules".
 */
public final class PurchaseVelocityRule implements UserFraudRule {

    private final int max;
    private final Duration window;

    public PurchaseVelocityRule(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    @Override
    public String name() {
        return FraudRules.VELOCITY;
    }

    @Override
    public Optional<Breach> check(List<Purchase> recent, long now) {
        List<Purchase> fast = UserFraudRule.within(recent, now, window.toMillis(), p -> !p.isRefund());
        if (fast.size() <= max) {
            return Optional.empty();
        }
        return Optional.of(new Breach(fast, Map.of("purchases", fast.size(), "max", max,
                "window_seconds", window.toSeconds())));
    }
}
