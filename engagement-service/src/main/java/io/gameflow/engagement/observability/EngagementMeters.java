package io.gameflow.engagement.observability;

import io.gameflow.streams.support.time.LatestEventTime;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.PlayerTracker;
import io.gameflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;

/**
 * The topology's meters, registered up front so that every series exists at zero. Alerts are counted by type,
 * level and map, for at most {@value #MAX_CELLS} level/map pairs, those with the most alerts ({@link BusiestCells});
 * the others count as level_id/map_id "other", so that a client sending made-up levels can neither blow up the
 * label sets nor push the real cells out.
 */
public final class EngagementMeters {

    public static final String DEAD_LETTERED = "gameflow.engagement.records.skipped";
    public static final String DUPLICATES = "gameflow.engagement.duplicates.dropped";
    public static final String LATE = "gameflow.engagement.late.events.dropped";
    public static final String CLOCK_SKEW = "gameflow.engagement.clock.skew.events";
    public static final String KPI_LATE = "gameflow.engagement.kpi.late.events";
    public static final String ALERTS = "gameflow.engagement.alerts";
    public static final String FRAUD = "gameflow.engagement.fraud.findings";
    static final int MAX_CELLS = 200;

    private final MeterRegistry registry;
    private final Counter deadLettered;
    private final Counter purchasesDeadLettered;
    private final Counter duplicates;
    private final Counter late;
    private final DistributionSummary sessionSeconds;
    private final DistributionSummary sessionEvents;
    private final BusiestCells labelledCells = new BusiestCells(MAX_CELLS);
    private final LatestEventTime latestEventTime = new LatestEventTime();

    public EngagementMeters(MeterRegistry registry) {
        this.registry = registry;
        Tags input = Tags.of("topic", Topics.PLAYER_EVENTS);
        deadLettered = Counter.builder(DEAD_LETTERED).description("Input records sent to the dead-letter topic")
                .tags(input).register(registry);
        purchasesDeadLettered = Counter.builder(DEAD_LETTERED).description("Input records sent to the dead-letter topic")
                .tags(Tags.of("topic", Topics.PURCHASE_EVENTS)).register(registry);
        for (String rule : new String[] {FraudRules.VELOCITY, FraudRules.HOPPING, FraudRules.REFUNDS, FraudRules.OUTLIER}) {
            fraud(rule, 0);
        }
        duplicates = Counter.builder(DUPLICATES).description("Events dropped as an event_id seen within the window")
                .tags(input).register(registry);
        late = Counter.builder(LATE).description("Events more than the grace period behind their player's latest, not counted")
                .tags(input).register(registry);
        clockSkewed(Topics.PLAYER_EVENTS, 0);
        clockSkewed(Topics.PURCHASE_EVENTS, 0);
        sessionSeconds = DistributionSummary.builder("gameflow.engagement.session.length.seconds")
                .description("Length of the sessions that ended").publishPercentiles(0.5, 0.95).register(registry);
        sessionEvents = DistributionSummary.builder("gameflow.engagement.session.events")
                .description("Events of the sessions that ended").publishPercentiles(0.5, 0.95).register(registry);
        Gauge.builder("gameflow.engagement.evaluation.lag.seconds", latestEventTime,
                        latest -> latest.lagSeconds(System.currentTimeMillis()))
                .description("Wall clock minus the latest event time processed").register(registry);
        for (String type : new String[] {EngagementAlert.STUCK, EngagementAlert.DROPPED_OFF}) {
            alertCounter(type, "other", "other");
        }
    }

    public Counter deadLettered() {
        return deadLettered;
    }

    public Counter purchasesDeadLettered() {
        return purchasesDeadLettered;
    }

    public void fraud(String rule) {
        fraud(rule, 1);
    }

    private void fraud(String rule, int count) {
        Counter.builder(FRAUD).description("Fraud findings by rule").tags("rule", rule).register(registry).increment(count);
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void late() {
        late.increment();
    }

    /** An admitted event of a day already final, or too far behind its player's days, left out of the studio KPIs. */
    public void kpiLate(String topic) {
        Counter.builder(KPI_LATE).description("Events of a day already final, counted everywhere but in the studio KPIs")
                .tags("topic", topic).register(registry).increment();
    }

    public void clockSkewed(String topic) {
        clockSkewed(topic, 1);
    }

    private void clockSkewed(String topic, int count) {
        Counter.builder(CLOCK_SKEW).description("Events dated further ahead of their receipt than the allowed clock skew, "
                + "counted at their receipt time").tags("topic", topic).register(registry).increment(count);
    }

    /** The latest event time of this instance, which the evaluation-lag gauge reads. */
    public LatestEventTime latestEventTime() {
        return latestEventTime;
    }

    public void sessionEnded(PlayerTracker.SessionEnd end) {
        sessionSeconds.record(end.lengthMs() / 1000.0);
        sessionEvents.record(end.events());
    }

    public void alert(EngagementAlert alert) {
        BusiestCells.Counted counted = labelledCells.count(LevelMapKeys.cell(alert.levelId(), alert.mapId()));
        if (counted.displaced() != null) {
            List<String> levelAndMap = LevelMapKeys.levelAndMap(counted.displaced());
            registry.find(ALERTS).tags("level_id", levelAndMap.get(0), "map_id", levelAndMap.get(1)).counters()
                    .forEach(registry::remove);
        }
        alertCounter(alert.type(), counted.labelled() ? alert.levelId() : "other",
                counted.labelled() ? alert.mapId() : "other").increment();
    }

    private Counter alertCounter(String type, String level, String map) {
        return Counter.builder(ALERTS).description("Players found stuck or dropped off, by level and map")
                .tags("type", type, "level_id", level, "map_id", map).register(registry);
    }
}
