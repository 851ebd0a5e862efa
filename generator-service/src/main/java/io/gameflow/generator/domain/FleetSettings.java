package io.gameflow.generator.domain;

import java.time.Duration;
import java.util.List;

/**
 * The game servers and their planted incidents: {@code servers} servers spread over {@code regions}, each
 * reporting every {@code reportEvery}; an incident every {@code incidentEvery} of event time, in turn a CPU
 * spike, a silent server and a slow region, each lasting its own duration.
 */
public record FleetSettings(int servers, List<String> regions, Duration reportEvery, Duration incidentEvery,
                            Duration cpuHotFor, Duration silentFor, Duration regionLatencyFor) {

    public FleetSettings {
        if (servers < 1 || regions.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one server and one region");
        }
        for (Duration duration : List.of(reportEvery, incidentEvery, cpuHotFor, silentFor, regionLatencyFor)) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("fleet durations must be positive, got " + duration);
            }
        }
        for (Duration duration : List.of(cpuHotFor, silentFor, regionLatencyFor)) {
            if (duration.compareTo(incidentEvery) >= 0) {
                throw new IllegalArgumentException("incidents would overlap: one lasts " + duration
                        + ", not less than incident-every " + incidentEvery);
            }
            if (duration.compareTo(reportEvery) < 0) {
                throw new IllegalArgumentException("an incident of " + duration + " could fall between two reports "
                        + reportEvery + " apart; make incident-every longer or server-report-every shorter");
            }
        }
    }

    /**
     * Incidents last in proportion to the time between them: at the default 10 minutes, a 2-minute CPU spike, a
     * 1-minute silence and a 3-minute slow region, long enough for metrics-service's rules to fire.
     */
    public static FleetSettings of(int servers, List<String> regions, Duration reportEvery, Duration incidentEvery) {
        return new FleetSettings(servers, regions, reportEvery, incidentEvery,
                incidentEvery.dividedBy(5), incidentEvery.dividedBy(10), incidentEvery.multipliedBy(3).dividedBy(10));
    }

    /** The default world: 20 servers, a report every 5 s, an incident every 10 minutes. */
    public static FleetSettings defaults(List<String> regions) {
        return of(20, regions, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }
}
