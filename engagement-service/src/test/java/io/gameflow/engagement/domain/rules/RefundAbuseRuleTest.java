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

class RefundAbuseRuleTest {

    private final RefundAbuseRule rule = new RefundAbuseRule(3, 0.5, Duration.ofHours(24));

    /** {@code purchases} purchases, then {@code refunds} refunds, one a minute up to now. */
    private static List<Purchase> history(int refunds, int purchases) {
        List<Purchase> recent = new ArrayList<>();
        int total = refunds + purchases;
        for (int i = 0; i < total; i++) {
            long time = NOW - (total - 1 - i) * 60_000L;
            recent.add(i < purchases ? purchase("tx_" + i, "USD", time) : refund("tx_" + (i - purchases), "USD", time));
        }
        return recent;
    }

    @ParameterizedTest(name = "{0} refunds, {1} purchases: breach {2}")
    @CsvSource({
            "2, 0, false",   // one below the fewest refunds
            "3, 0, true",    // exactly the fewest
            "4, 0, true",
            "3, 5, true",    // 3 > 0.5 x 5
            "3, 6, false",   // 3 = 0.5 x 6: not more than the share
            "4, 7, true",    // 4 > 3.5
            "4, 8, false",
    })
    void breachesWithEnoughRefundsAboveTheShare(int refunds, int purchases, boolean breach) {
        assertEquals(breach, rule.check(history(refunds, purchases), NOW).isPresent());
    }

    @ParameterizedTest(name = "the oldest of 3 refunds {0} ms before now: breach {1}")
    @CsvSource({"86399999, true", "86400000, false"})
    void theWindowIsOpenAtItsStart(long age, boolean breach) {
        List<Purchase> recent = List.of(refund("a", "USD", NOW - age), refund("b", "USD", NOW - 1), refund("c", "USD", NOW));
        assertEquals(breach, rule.check(recent, NOW).isPresent());
    }

    @Test
    void theBreachHoldsPurchasesAndRefunds() {
        UserFraudRule.Breach breach = rule.check(history(3, 5), NOW).orElseThrow();
        assertEquals(8, breach.window().size());
        assertEquals(Map.of("refunds", 3L, "purchases", 5L, "min_refunds", 3, "max_share", 0.5), breach.figures());
    }
}
