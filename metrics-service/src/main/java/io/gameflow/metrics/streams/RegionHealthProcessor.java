package io.gameflow.metrics.streams;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.AlertRule;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RegionPoints;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.Subject;
import io.gameflow.streams.support.time.TaskTime;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per region (the samples arrive keyed by region): the latest point of each server, and the region rules run on the
 * region's average whenever a sample is the region's newest. A sample more than the grace period behind the
 * region's newest is left out, as the server branch leaves it out (and counts it).
 *
 * <p>The points are stored one record per server ({@code region|server}) and kept in memory as well, read back from
 * the store at a region's first sample: a region of a thousand servers used to be one record, read, rewritten and
 * serialised whole at every sample, which made the region branch most of the service's time.
 *
 * <p>A region none of whose servers has reported for {@code forget-after} is forgotten: its region alerts still
 * firing are resolved once, and its points and rule states leave the stores and the memory. "Now" for this is the
 * latest sample time of the task, carried on by the wall clock, as for the silence of servers. (Within a region that
 * reports, the servers gone quiet already leave with the window.)
 */
final class RegionHealthProcessor implements Processor<String, ServerSample, String, Alert> {

    private final RuleBook rules;
    private final ServerLimits limits;
    private final Duration checkEvery;
    private final Map<String, RegionPoints> pointsByRegion = new HashMap<>();
    /** "Now" for forgetting quiet regions: the latest sample, carried on by the wall clock, never ahead of it. */
    private final TaskTime clock = new TaskTime();
    private boolean allLoaded;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RegionState> ruleStore;
    private KeyValueStore<String, Point> pointStore;

    RegionHealthProcessor(RuleBook rules, ServerLimits limits, Duration checkEvery) {
        this.rules = rules;
        this.limits = limits;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.ruleStore = context.getStateStore(MetricsTopology.REGION_STORE);
        this.pointStore = context.getStateStore(MetricsTopology.REGION_POINTS_STORE);
        // a task revived after an aborted transaction restores its stores: what memory held may be ahead of them
        pointsByRegion.clear();
        allLoaded = false;
        clock.start(context, checkEvery, this::loadAllOnce, this::forgetQuietRegions);
    }

    @Override
    public void process(Record<String, ServerSample> record) {
        String region = record.key();
        ServerSample sample = notAheadOfTheWallClock(record.value());
        long time = sample.lastSeenTime().toEpochMilli();
        RegionPoints points = pointsByRegion.computeIfAbsent(region, this::load);
        clock.observe(time);
        if (!points.isEmpty() && time < points.newest() - rules.grace().toMillis()) {
            return;
        }
        boolean newest = points.isEmpty() || time >= points.newest();
        Point point = Point.of(sample);
        RegionPoints.Change change = points.add(sample.serverId(), point, rules.window().toMillis());
        if (change.kept()) {
            pointStore.put(pointKey(region, sample.serverId()), point);
        }
        change.dropped().forEach(server -> pointStore.delete(pointKey(region, server)));
        if (newest) {
            evaluate(region, points, time, record.timestamp());
        }
    }

    /**
     * A region is shared by its servers: one sample dated ahead (within the allowed skew) would make the others' samples
     * late and push them out of the window. In the region's view no sample is newer than now.
     */
    private ServerSample notAheadOfTheWallClock(ServerSample sample) {
        long wallNow = context.currentSystemTimeMs();
        return sample.lastSeenTime().toEpochMilli() > wallNow ? sample.at(Instant.ofEpochMilli(wallNow)) : sample;
    }

    private void evaluate(String region, RegionPoints points, long time, long timestamp) {
        RegionState stored = ruleStore.get(region);
        RegionState state = stored == null ? RegionState.EMPTY : stored;
        for (AlertRule rule : rules.regionRules()) {
            RuleState.Step step = state.rules().getOrDefault(rule.name(), RuleState.CLEAR)
                    .observe(rule, Subject.region(region), points.average(rule.metric()), time);
            state = state.withRule(rule.name(), step.state());
            if (step.emitted() != null) {
                context.forward(new Record<>(region, step.emitted(), timestamp));
            }
        }
        if (!state.equals(stored)) {
            ruleStore.put(region, state);
        }
    }

    private void loadAllOnce() {
        if (!allLoaded) {
            loadAll();
        }
    }

    private void forgetQuietRegions(long now, long wallNow) {
        List<String> quiet = pointsByRegion.entrySet().stream()
                .filter(region -> now - region.getValue().newest() >= limits.forgetAfter().toMillis())
                .map(Map.Entry::getKey)
                .toList();
        quiet.forEach(region -> forget(region, now, wallNow));
    }

    private void forget(String region, long now, long wallNow) {
        RegionPoints points = pointsByRegion.remove(region);
        RegionState state = ruleStore.get(region);
        if (state != null) {
            for (AlertRule rule : rules.regionRules()) {
                Alert firing = state.rules().getOrDefault(rule.name(), RuleState.CLEAR).firing();
                if (firing != null) {
                    context.forward(new Record<>(region, firing.resolved(points.average(rule.metric()), now), wallNow));
                }
            }
            ruleStore.delete(region);
        }
        points.servers().forEach(server -> pointStore.delete(pointKey(region, server)));
    }

    /** Every region with points in the store, once per task, so that a region quiet since before a restart goes too. */
    private void loadAll() {
        try (KeyValueIterator<String, Point> stored = pointStore.all()) {
            stored.forEachRemaining(entry -> {
                String region = entry.key.substring(0, entry.key.lastIndexOf('|'));
                pointsByRegion.computeIfAbsent(region, this::load);
            });
        }
        pointsByRegion.values().stream().filter(points -> !points.isEmpty())
                .forEach(points -> clock.restored(points.newest(), context.currentSystemTimeMs()));
        allLoaded = true;
    }

    private RegionPoints load(String region) {
        RegionPoints points = new RegionPoints();
        String prefix = pointKey(region, "");
        try (KeyValueIterator<String, Point> stored = pointStore.prefixScan(prefix, new StringSerializer())) {
            stored.forEachRemaining(entry -> points.restore(entry.key.substring(prefix.length()), entry.value));
        }
        return points;
    }

    private static String pointKey(String region, String serverId) {
        return region + "|" + serverId;
    }
}
