package io.gameflow.engagement.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItemTypeMeanTest {

    @ParameterizedTest(name = "amounts {0}: mean {1}")
    @CsvSource({"'', 0.0", "10, 10.0", "10;20, 15.0", "1;2;3;4, 2.5"})
    void theMeanOfTheAmountsAdded(String amounts, double mean) {
        ItemTypeMean running = ItemTypeMean.EMPTY;
        int added = 0;
        for (String amount : amounts.isEmpty() ? new String[0] : amounts.split(";")) {
            running = running.plus(Double.parseDouble(amount));
            added++;
        }
        assertEquals(mean, running.mean(), 1e-9);
        assertEquals(added, running.count());
    }
}
