package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.Purchase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gameflow.engagement.domain.rules.Purchases.NOW;
import static io.gameflow.engagement.domain.rules.Purchases.purchase;
import static io.gameflow.engagement.domain.rules.Purchases.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CurrencyHoppingRuleTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** One purchase a second up to now, in these currencies (";"-separated), oldest first. */
    private static List<Purchase> purchasesIn(String currencies) {
        String[] each = currencies.split(";");
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < each.length; i++) {
            purchases.add(purchase("tx_" + i, each[i], NOW - (each.length - 1 - i) * 1_000L));
        }
        return purchases;
    }

    @ParameterizedTest(name = "max {0}, currencies {1}: breach {2}")
    @CsvSource({
            "1, USD, false",
            "1, USD;USD, false",
            "1, USD;EUR, true",
            "2, USD;EUR, false",
            "2, USD;EUR;USD, false",
            "2, USD;EUR;GBP, true",
    })
    void breachesAboveTheMostCurrencies(int maxCurrencies, String currencies, boolean breach) {
        CurrencyHoppingRule rule = new CurrencyHoppingRule(maxCurrencies, WINDOW);
        assertEquals(breach, rule.check(purchasesIn(currencies), NOW).isPresent());
    }

    @ParameterizedTest(name = "a EUR purchase {0} ms before now: breach {1}")
    @CsvSource({"599999, true", "600000, false"})
    void theWindowIsOpenAtItsStart(long age, boolean breach) {
        List<Purchase> recent = List.of(purchase("old", "EUR", NOW - age), purchase("new", "USD", NOW));
        assertEquals(breach, new CurrencyHoppingRule(1, WINDOW).check(recent, NOW).isPresent());
    }

    @Test
    void aRefundInAnotherCurrencyDoesNotCount() {
        List<Purchase> recent = List.of(refund("back", "EUR", NOW - 1_000), purchase("new", "USD", NOW));
        assertEquals(false, new CurrencyHoppingRule(1, WINDOW).check(recent, NOW).isPresent());
    }

    @Test
    void theBreachNamesTheCurrencies() {
        UserFraudRule.Breach breach = new CurrencyHoppingRule(1, WINDOW).check(purchasesIn("USD;EUR"), NOW).orElseThrow();
        assertEquals(Map.of("currencies", List.of("USD", "EUR"), "max", 1, "window_seconds", 600L), breach.figures());
        assertEquals(2, breach.window().size());
    }
}
