package io.gameflow.metrics.observability;

import io.gameflow.streams.support.time.LatestEventTime;
import io.gameflow.metrics.streams.ServerCensus;
import io.gameflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The topology's own meters, registered up front so that every series exists at zero and an alert on its rate
 * works before the first bad or late record.
 */
public final class MetricsMeters {

    public static final String SKIPPED = "gameflow.metrics.records.skipped";
    public static final String LATE = "gameflow.metrics.late.events.dropped";
    public static final String CLOCK_SKEW = "gameflow.metrics.clock.skew.events";
    public static final String REFUSED = "gameflow.metrics.servers.refused";
    public static final String FORGOTTEN = "gameflow.metrics.servers.forgotten";
    public static final String TRACKED = "gameflow.metrics.servers.tracked";

    private final Counter skipped;
    private final Counter late;
    private final Counter clockSkewed;
    private final Counter refused;
    private final Counter forgotten;
    private final LatestEventTime latestEventTime = new LatestEventTime();
    private final ServerCensus census = new ServerCensus();

    public MetricsMeters(MeterRegistry registry) {
        skipped = Counter.builder(SKIPPED)
                .description("Input records sent to the dead-letter topic: not JSON, not a valid event, not keyed by their id, "
                        + "or of a new server beyond the cap")
                .tag("topic", Topics.SERVER_METRICS).register(registry);
        late = Counter.builder(LATE)
                .description("Samples that arrived more than the grace period behind the stream time, not counted")
                .tag("topic", Topics.SERVER_METRICS).register(registry);
        clockSkewed = Counter.builder(CLOCK_SKEW)
                .description("Samples dated further ahead of their receipt than the allowed clock skew, counted at their receipt time")
                .tag("topic", Topics.SERVER_METRICS).register(registry);
        refused = Counter.builder(REFUSED)
                .description("Samples of new servers refused because this instance already tracks gameflow.metrics.max-servers; "
                        + "sent to the dead-letter topic")
                .register(registry);
        forgotten = Counter.builder(FORGOTTEN)
                .description("Servers forgotten after gameflow.metrics.forget-after without a sample").register(registry);
        Gauge.builder(TRACKED, census, ServerCensus::servers)
                .description("Servers this instance tracks now (at most gameflow.metrics.max-servers)").register(registry);
        Gauge.builder("gameflow.metrics.evaluation.lag.seconds", latestEventTime,
                        latest -> latest.lagSeconds(System.currentTimeMillis()))
                .description("Wall clock minus the latest event time evaluated: how far behind the alerts are")
                .register(registry);
    }

    public void skipped() {
        skipped.increment();
    }

    public void late() {
        late.increment();
    }

    public void clockSkewed() {
        clockSkewed.increment();
    }

    public void refused() {
        refused.increment();
    }

    public void forgotten() {
        forgotten.increment();
    }

    public ServerCensus census() {
        return census;
    }

    /** The latest sample time this instance evaluated, which the evaluation-lag gauge reads. */
    public LatestEventTime latestEventTime() {
        return latestEventTime;
    }
}
