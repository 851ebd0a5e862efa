package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The game servers, in event time: each reports every {@code reportEvery}, its load a random walk correlated with
 * its region's, and the fleet plants incidents on a fixed schedule (a CPU spike, a silent server, a slow region,
 * in turn). Normal values stay clear of metrics-service's thresholds, so every alert it raises is a planted one.
 * Deterministic: the same seed, start and sequence of calls give the same reports and incidents.
 */
public final class ServerFleet {

    private static final String[] SERVER_TYPES = {"dedicated", "virtual"};

    private final FleetSettings settings;
    private final long seed;
    private final Instant start;
    private final SplittableRandom random;
    private final List<Server> servers = new ArrayList<>();
    private final Map<String, Double> regionLoad = new HashMap<>();
    private final List<Incident> incidents = new ArrayList<>();
    /** Planted while the generator was stopped and over before enough of it was sent to see: not in the truth. */
    private final Set<Incident> unobserved = new HashSet<>();
    /** Reports due up to here were handed out (or the fleet's start). */
    private Instant observedUntil;
    private int samples;

    public ServerFleet(FleetSettings settings, long seed, Instant start) {
        this(settings, seed, start, "server_");
    }

    /**
     * A fleet whose servers are named {@code idPrefix} and a number: a second fleet (the web API's samples) must not
     * share its server ids with the one the generator sends, or metrics-service would take both for one server.
     */
    public ServerFleet(FleetSettings settings, long seed, Instant start, String idPrefix) {
        this.settings = settings;
        this.seed = seed;
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        this.random = new SplittableRandom(seed);
        List<String> regions = settings.regions();
        long stagger = settings.reportEvery().toMillis() / settings.servers();
        for (int i = 1; i <= settings.servers(); i++) {
            servers.add(new Server(idPrefix + i, regions.get((i - 1) % regions.size()), SERVER_TYPES[i % SERVER_TYPES.length],
                    45 + random.nextDouble(-10, 10), 55 + random.nextDouble(-8, 8), this.start.plusMillis(stagger * (i - 1))));
        }
        regions.forEach(region -> regionLoad.put(region, 0.0));
        this.observedUntil = this.start;
    }

    /** Every report due up to and including {@code now}, in time order, each stamped with its own due time. */
    public List<GeneratedEvent> reportsUntil(Instant now) {
        List<GeneratedEvent> reports = new ArrayList<>();
        while (true) {
            Server next = servers.stream().min(Comparator.comparing((Server s) -> s.nextReportAt)).orElseThrow();
            if (next.nextReportAt.isAfter(now)) {
                observedUntil = now;
                return reports;
            }
            Instant at = next.nextReportAt;
            next.nextReportAt = at.plus(settings.reportEvery());
            plantIncidentsUntil(at);
            report(next, at, reports);
        }
    }

    /**
     * A report of the next server in turn, stamped {@code at} whatever its schedule: for samples, where what matters
     * is what a report looks like, not when it is due.
     */
    public GeneratedEvent sampleAt(Instant at) {
        plantIncidentsUntil(at);
        List<GeneratedEvent> report = new ArrayList<>(1);
        while (report.isEmpty()) {
            // a silent server has no sample to give; the next one in turn does (only one is silent at a time)
            report(servers.get(samples++ % servers.size()), at, report);
        }
        return report.get(0);
    }

    /**
     * The world went on unobserved until {@code now} (the generator was stopped): the reports due are not sent, and an
     * incident of which less than one report interval fell outside that gap leaves the truth, as no report of it may
     * have gone out.
     */
    public void skipUntil(Instant now) {
        Instant from = observedUntil;
        reportsUntil(now);
        Duration every = settings.reportEvery();
        for (Incident incident : incidents) {
            boolean seenBefore = !Duration.between(incident.start(), min(incident.end(), from)).minus(every).isNegative();
            boolean seenAfter = !Duration.between(max(incident.start(), now), incident.end()).minus(every).isNegative();
            if (incident.end().isAfter(from) && !seenBefore && !seenAfter) {
                unobserved.add(incident);
            }
        }
    }

    /**
     * The incidents planted so far (started at or before the last report) and not lost to a stop, oldest first: the
     * ground truth.
     */
    public List<Incident> incidents() {
        return incidents.stream().filter(incident -> !unobserved.contains(incident)).toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public List<Server> servers() {
        return List.copyOf(servers);
    }

    private void report(Server server, Instant at, List<GeneratedEvent> reports) {
        double region = walkRegion(server.region);
        server.walk(random);
        if (activeIncident(Incident.Kind.SILENT, server, at)) {
            return;
        }
        double cpu = activeIncident(Incident.Kind.CPU_HOT, server, at)
                ? 95.5 + random.nextDouble(0, 4)
                : clamp(server.cpuBase + server.cpuWalk + region, 5, 80);
        double memory = clamp(server.memoryBase + server.memoryWalk, 30, 80);
        double latency = clamp(35 + 0.4 * cpu + server.latencyWalk, 10, 150);
        if (activeIncident(Incident.Kind.REGION_LATENCY, server, at)) {
            latency = 270 + random.nextDouble(0, 60);
        }
        ServerMetricEvent event = new ServerMetricEvent(
                new ServerMetricEvent.Parameters(server.id, round(cpu), round(memory), round(latency)),
                at, new ServerMetricEvent.ServerData(server.region, server.type));
        reports.add(new GeneratedEvent(EventKind.SERVER_METRIC, server.id, event));
    }

    /** The region's share of the load drifts too, so that servers of one region move together. */
    private double walkRegion(String region) {
        double load = clamp(regionLoad.get(region) + random.nextDouble(-0.5, 0.5), -10, 10);
        regionLoad.put(region, load);
        return load;
    }

    private boolean activeIncident(Incident.Kind kind, Server server, Instant at) {
        return incidents.stream().anyMatch(i -> i.kind() == kind && i.covers(at) && i.concerns(server.id, server.region));
    }

    /** Incident k starts at start + incidentEvery / 5 + k * incidentEvery, so the first shows within minutes. */
    private void plantIncidentsUntil(Instant at) {
        Duration every = settings.incidentEvery();
        while (true) {
            int k = incidents.size();
            Instant begins = start.plus(every.dividedBy(5)).plus(every.multipliedBy(k));
            if (begins.isAfter(at)) {
                return;
            }
            // a random of its own per incident: which server is hit does not depend on how many reports came before
            SplittableRandom pick = new SplittableRandom(seed * 31 + k);
            Incident.Kind kind = Incident.Kind.values()[k % Incident.Kind.values().length];
            Server server = servers.get(pick.nextInt(servers.size()));
            incidents.add(switch (kind) {
                case CPU_HOT -> new Incident(kind, server.id, server.region, begins, begins.plus(settings.cpuHotFor()));
                case SILENT -> new Incident(kind, server.id, server.region, begins, begins.plus(settings.silentFor()));
                case REGION_LATENCY -> new Incident(kind, null, server.region, begins, begins.plus(settings.regionLatencyFor()));
            });
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** One server: fixed identity and base load, small random walks around it, and when it reports next. */
    public static final class Server {
        final String id;
        final String region;
        final String type;
        final double cpuBase;
        final double memoryBase;
        double cpuWalk;
        double memoryWalk;
        double latencyWalk;
        Instant nextReportAt;

        Server(String id, String region, String type, double cpuBase, double memoryBase, Instant firstReportAt) {
            this.id = id;
            this.region = region;
            this.type = type;
            this.cpuBase = cpuBase;
            this.memoryBase = memoryBase;
            this.nextReportAt = firstReportAt;
        }

        public String id() {
            return id;
        }

        public String region() {
            return region;
        }

        void walk(SplittableRandom random) {
            cpuWalk = clamp(cpuWalk + random.nextDouble(-2, 2), -15, 15);
            memoryWalk = clamp(memoryWalk + random.nextDouble(-1, 1), -10, 10);
            latencyWalk = clamp(latencyWalk + random.nextDouble(-4, 4), -15, 15);
        }
    }
}
