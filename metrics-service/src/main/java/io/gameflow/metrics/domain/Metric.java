package io.gameflow.metrics.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The measurements of a server sample that rules and statistics look at. */
public enum Metric {
    CPU_LOAD("cpu_load"),
    MEMORY_USAGE("memory_usage"),
    LATENCY("latency");

    private final String field;

    Metric(String field) {
        this.field = field;
    }

    /** The name as in the event's parameters and in the configuration. */
    public String field() {
        return field;
    }

    public double of(ServerSample sample) {
        return switch (this) {
            case CPU_LOAD -> sample.cpuLoad();
            case MEMORY_USAGE -> sample.memoryUsage();
            case LATENCY -> sample.latency();
        };
    }

    public static Metric ofField(String field) {
        return Arrays.stream(values()).filter(m -> m.field.equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + field + "'; use one of "
                        + Arrays.stream(values()).map(Metric::field).collect(Collectors.joining(", "))));
    }
}
