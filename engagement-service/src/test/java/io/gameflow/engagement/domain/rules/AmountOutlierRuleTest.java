package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.ItemTypeMean;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.events.PurchaseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.gameflow.engagement.domain.rules.Purchases.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AmountOutlierRuleTest {

    private final AmountOutlierRule rule = new AmountOutlierRule(2.5, 20);

    private static Purchase bought(double amount) {
        return new Purchase("tx_big", "user_1", "PC", PurchaseEvent.PURCHASE, "USD", amount, "item_1", "skin", NOW);
    }

    @ParameterizedTest(name = "{0} x 10 in the mean, then {1}: outlier {2}")
    @CsvSource({
            "20, 24.99, false",
            "20, 25.00, false",   // exactly factor x mean
            "20, 25.01, true",
            "19, 1000, false",    // one sample too few
            "21, 25.01, true",
    })
    void anOutlierIsAboveTheFactorOnceTheMeanHasEnoughSamples(long samples, double amount, boolean outlier) {
        ItemTypeMean mean = new ItemTypeMean(samples, samples * 10.0);
        AmountOutlierRule.Step step = rule.observe(mean, bought(amount));
        assertEquals(outlier, step.finding() != null);
    }

    @Test
    void anOutlierStaysOutOfTheMean() {
        ItemTypeMean mean = new ItemTypeMean(20, 200);
        AmountOutlierRule.Step step = rule.observe(mean, bought(100));
        assertEquals(mean, step.mean());
        FraudFinding finding = step.finding();
        assertNotNull(finding);
        assertEquals("amount_outlier", finding.rule());
        assertEquals(List.of("tx_big"), finding.transactions());
        assertEquals(finding.windowStart(), finding.windowEnd());
        assertEquals(10.0, finding.evidence().get("item_type_mean"));
    }

    @Test
    void anOrdinaryPurchaseEntersTheMean() {
        AmountOutlierRule.Step step = rule.observe(new ItemTypeMean(20, 200), bought(20));
        assertNull(step.finding());
        assertEquals(new ItemTypeMean(21, 220), step.mean());
    }
}
