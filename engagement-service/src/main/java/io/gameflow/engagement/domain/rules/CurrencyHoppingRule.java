package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.Purchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code currency_hopping}: purchases (refunds not counted) in more than {@code maxCurrencies} distinct currencies
 * within the window; see docs/definitions.md, "Fraud rules".
 */
public final class CurrencyHoppingRule implements UserFraudRule {

    private final int maxCurrencies;
    private final Duration window;

    public CurrencyHoppingRule(int maxCurrencies, Duration window) {
        this.maxCurrencies = maxCurrencies;
        this.window = window;
    }

    @Override
    public String name() {
        return FraudRules.HOPPING;
    }

    @Override
    public Optional<Breach> check(List<Purchase> recent, long now) {
        List<Purchase> hopping = UserFraudRule.within(recent, now, window.toMillis(), p -> !p.isRefund());
        List<String> currencies = hopping.stream().map(Purchase::currency).distinct().toList();
        if (currencies.size() <= maxCurrencies) {
            return Optional.empty();
        }
        return Optional.of(new Breach(hopping, Map.of("currencies", currencies, "max", maxCurrencies,
                "window_seconds", window.toSeconds())));
    }
}
