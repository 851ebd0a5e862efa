package io.gameflow.engagement.domain;

import io.gameflow.engagement.config.ShippedConfig;
import io.gameflow.events.PurchaseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each rule's episode is reported once; what each rule finds is tested in domain.rules. */
class FraudDetectorTest {

    private static final long T0 = 1_700_000_000_000L;
    private final FraudDetector detector = new FraudDetector(ShippedConfig.engagement().fraudRules());

    private static Purchase bought(String transactionId, long time) {
        return new Purchase(transactionId, "user_1", "PC", PurchaseEvent.PURCHASE, "USD", 10, "item_1", "skin", time);
    }

    /** The rules of the findings of each purchase, one a {@code everyMs}. */
    private List<String> findingsOf(int purchases, long everyMs) {
        UserPurchases state = null;
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            FraudDetector.Step step = detector.onPurchase(state, bought("tx_" + i, T0 + i * everyMs));
            for (FraudFinding finding : step.findings()) {
                rules.add(i + ":" + finding.rule());
            }
            state = step.state();
        }
        return rules;
    }

    @ParameterizedTest(name = "{0} purchases 1 s apart: {1}")
    @CsvSource({"5, ''", "6, 5:purchase_velocity", "10, 5:purchase_velocity"})
    void aBurstIsOneEpisode(int purchases, String findings) {
        assertEquals(findings.isEmpty() ? List.of() : List.of(findings), findingsOf(purchases, 1_000));
    }

    @Test
    void aBurstAfterTheLastFindingsWindowIsAnotherEpisode() {
        UserPurchases state = null;
        int findings = 0;
        for (int burst = 0; burst < 2; burst++) {
            for (int i = 0; i < 6; i++) {
                long time = T0 + burst * 120_000L + i * 1_000L;
                FraudDetector.Step step = detector.onPurchase(state, bought("tx_" + burst + "_" + i, time));
                findings += step.findings().size();
                state = step.state();
            }
        }
        assertEquals(2, findings);
    }

    @Test
    void thePurchaseSentAgainCountsOnce() {
        UserPurchases state = null;
        for (int i = 0; i < 6; i++) {
            state = detector.onPurchase(state, bought("same", T0 + i)).state();
        }
        assertEquals(1, state.recent().size());
        assertEquals(List.of(), state.lastFindingEnd().keySet().stream().toList());
    }
}
