package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatsTest {

    @Test
    void noValuesNoStatistics() {
        assertNull(Stats.of(new double[0]));
    }

    @ParameterizedTest(name = "1..{0}: p95 {1}")
    @CsvSource({"1, 1", "19, 19", "20, 19", "21, 20", "100, 95", "101, 96"})
    void theP95IsTheNearestRank(int n, double p95) {
        double[] values = IntStream.rangeClosed(1, n).mapToDouble(i -> i).toArray();
        Stats stats = Stats.of(values);
        assertEquals(p95, stats.p95());
        assertEquals(n, stats.max());
        assertEquals((n + 1) / 2.0, stats.avg(), 1e-9);
        assertEquals(n, stats.samples());
    }

    @Test
    void theOrderOfTheValuesDoesNotMatterAndTheyAreLeftAsGiven() {
        double[] values = {30, 10, 20};
        assertEquals(new Stats(20, 30, 30, 3), Stats.of(values));
        assertEquals(30, values[0], "not sorted in place");
    }

    @Test
    void perMetricOverThePoints() {
        Map<Metric, Stats> stats = Stats.perMetric(List.of(new Point(0, 10, 40, 100), new Point(1, 30, 60, 300)));
        assertEquals(new Stats(20, 30, 30, 2), stats.get(Metric.CPU_LOAD));
        assertEquals(new Stats(50, 60, 60, 2), stats.get(Metric.MEMORY_USAGE));
        assertEquals(new Stats(200, 300, 300, 2), stats.get(Metric.LATENCY));
        assertNull(Stats.perMetric(List.of()).get(Metric.LATENCY));
    }
}
