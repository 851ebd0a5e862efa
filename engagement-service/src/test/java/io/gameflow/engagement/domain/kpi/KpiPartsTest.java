package io.gameflow.engagement.domain.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The parts of several instances add up; a day is final only where every part says so. */
class KpiPartsTest {

    @Test
    void countsAndRevenueAddUpAndTheLeastAdvancedTaskDecidesWhatIsFinal() {
        KpiParts one = new KpiParts(Map.of("100|PC|dau", 3L), Map.of("100|PC|USD|net", new BigDecimal("4.99")), 101L, 2_000L);
        KpiParts two = new KpiParts(Map.of("100|PC|dau", 2L, "100|Mobile|dau", 1L),
                Map.of("100|PC|USD|net", new BigDecimal("0.01")), 100L, 1_000L);
        KpiParts all = one.plus(two).plus(KpiParts.NONE);
        assertEquals(5L, all.counts().get("100|PC|dau"));
        assertEquals(1L, all.counts().get("100|Mobile|dau"));
        assertEquals(new BigDecimal("5.00"), all.revenue().get("100|PC|USD|net"));
        assertEquals(100L, all.openFrom(), "day 100 is still open in the second part");
        assertEquals(1_000L, all.asOf());
        KpiTable table = new KpiTable(all);
        assertEquals(true, table.isFinal(99));
        assertEquals(false, table.isFinal(100));
        assertNull(KpiParts.NONE.plus(KpiParts.NONE).openFrom(), "with nothing counted, no day is final");
        assertEquals(false, new KpiTable(KpiParts.NONE).isFinal(0));
    }

    @Test
    void hugeAmountsAddUpExactlyWithoutOverflowing() {
        KpiParts big = new KpiParts(Map.of(), Map.of("1|PC|USD|net", new BigDecimal("1E+308")), 2L, 1L);
        KpiParts all = big.plus(big);
        assertEquals(0, new BigDecimal("2E+308").compareTo(all.revenue().get("1|PC|USD|net")));
    }
}
