package io.gameflow.events;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The accepted {@code currency} codes: ISO 4217 as the JDK knows it ({@link Currency#getAvailableCurrencies()}),
 * without XXX ("no currency") and XTS ("for testing"), which no real payment is made in. A fixed list of about 300
 * codes, so a client cannot invent currencies: each one becomes a revenue series, a metric label and a bar on the page.
 */
public final class Currencies {

    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");
    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !NOT_MONEY.contains(code))
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
