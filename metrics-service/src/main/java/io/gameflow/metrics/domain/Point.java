package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One sample's measurements at its event time (epoch ms), as kept in a rolling window. */
@RegisterForReflection
public record Point(long time, double cpuLoad, double memoryUsage, double latency) {

    public static Point of(ServerSample sample) {
        return new Point(sample.lastSeenTime().toEpochMilli(), sample.cpuLoad(), sample.memoryUsage(), sample.latency());
    }

    public double value(Metric metric) {
        return switch (metric) {
            case CPU_LOAD -> cpuLoad;
            case MEMORY_USAGE -> memoryUsage;
            case LATENCY -> latency;
        };
    }
}
