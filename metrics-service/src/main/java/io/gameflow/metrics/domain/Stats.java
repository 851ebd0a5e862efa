package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Average, maximum and 95th percentile (nearest rank) of some values; all NaN-free, null when there are none. */
@RegisterForReflection
public record Stats(double avg, double max, double p95, int samples) {

    public static Stats of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return new Stats(sum / sorted.length, sorted[sorted.length - 1], sorted[rank - 1], sorted.length);
    }

    /** The statistics of each metric over the points. */
    public static Map<Metric, Stats> perMetric(Collection<Point> points) {
        Map<Metric, Stats> stats = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            stats.put(metric, of(points.stream().mapToDouble(p -> p.value(metric)).toArray()));
        }
        return stats;
    }
}
