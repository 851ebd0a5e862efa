package io.gameflow.metrics.domain;

import java.time.Duration;

/**
 * A threshold rule: it starts to hold when {@code metric} stayed above {@code threshold} in every sample for
 * {@code holdFor}, and stops holding when the metric is at or below {@code resolveBelow} (hysteresis: between the
 * two it keeps its state). {@code scope} says whether the metric is one server's or a region's average.
 */
public record AlertRule(String name, Metric metric, double threshold, Duration holdFor, double resolveBelow,
                        Severity severity, Scope scope) {

    public enum Severity { WARNING, CRITICAL }

    public enum Scope { SERVER, REGION }

    public AlertRule {
        if (resolveBelow > threshold) {
            throw new IllegalArgumentException("rule " + name + ": resolve-below " + resolveBelow
                    + " must not be above the threshold " + threshold);
        }
        if (holdFor.isNegative()) {
            throw new IllegalArgumentException("rule " + name + ": for must not be negative, got " + holdFor);
        }
    }

    public boolean breachedBy(double value) {
        return value > threshold;
    }

    public boolean clearedBy(double value) {
        return value <= resolveBelow;
    }
}
