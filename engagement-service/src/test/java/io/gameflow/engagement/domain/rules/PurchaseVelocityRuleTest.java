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
import static io.gameflow.engagement.domain.rules.Purchases.purchasesUpToNow;
import static io.gameflow.engagement.domain.rules.Purchases.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PurchaseVelocityRuleTest {

    private final PurchaseVelocityRule rule = new PurchaseVelocityRule(5, Duration.ofMinutes(1));

    @ParameterizedTest(name = "{0} purchases in the window: breach {1}")
    @CsvSource({"4, false", "5, false", "6, true"})
    void breachesAboveTheMaximum(int purchases, boolean breach) {
        assertEquals(breach, rule.check(purchasesUpToNow(purchases), NOW).isPresent());
    }

    @ParameterizedTest(name = "a sixth purchase {0} ms before now: breach {1}")
    @CsvSource({"59999, true", "60000, false", "-1, false"})
    void theWindowIsOpenAtItsStartAndEndsNow(long age, boolean breach) {
        List<Purchase> recent = new ArrayList<>(purchasesUpToNow(5));
        recent.add(0, purchase("old", "USD", NOW - age));
        assertEquals(breach, rule.check(recent, NOW).isPresent());
    }

    @Test
    void refundsDoNotCount() {
        List<Purchase> recent = new ArrayList<>(purchasesUpToNow(5));
        recent.add(refund("tx_0", "USD", NOW));
        assertEquals(false, rule.check(recent, NOW).isPresent());
    }

    @Test
    void theBreachNamesTheWindowAndTheFigures() {
        UserFraudRule.Breach breach = rule.check(purchasesUpToNow(6), NOW).orElseThrow();
        assertEquals(purchasesUpToNow(6), breach.window());
        assertEquals(Map.of("purchases", 6, "max", 5, "window_seconds", 60L), breach.figures());
        assertEquals("purchase_velocity", rule.name());
    }
}
