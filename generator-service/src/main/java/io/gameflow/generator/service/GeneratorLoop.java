package io.gameflow.generator.service;

import io.gameflow.generator.messaging.EventSink;
import io.gameflow.generator.messaging.SendStats;
import io.gameflow.generator.config.GeneratorConfig;
import io.gameflow.generator.config.GeneratorConfig.OutputMode;
import io.gameflow.generator.domain.FleetSettings;
import io.gameflow.generator.domain.FraudRing;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.GeneratorStatus;
import io.gameflow.generator.domain.GroundTruth;
import io.gameflow.generator.domain.SentKpis;
import io.gameflow.generator.domain.ServerFleet;
import io.gameflow.generator.domain.SimClock;
import io.gameflow.generator.domain.WorldSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paces the world: every tick it produces the events due at the configured rate and hands them to the output.
 * While the output cannot keep up the world goes on unobserved rather than piling events up.
 */
@ApplicationScoped
public class GeneratorLoop {

    private static final Logger LOG = Logger.getLogger(GeneratorLoop.class);
    private static final long TICK_MILLIS = 100;
    /** A progress line every 10 s, so that someone watching the log sees the generator work. */
    private static final long TICKS_PER_PROGRESS_LINE = 100;

    private final GeneratorConfig config;
    private static final Duration FLUSH_AT_SHUTDOWN = Duration.ofSeconds(10);

    private final EventSink sink;
    private final SendStats stats;
    private final SentKpis kpis;
    private final GameWorld world;
    private final FleetSettings fleetSettings;
    private ServerFleet fleet;
    private FraudRing fraudRing;
    private volatile SimClock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "generator-ticker"));
    private volatile double rate;
    private volatile ScheduledFuture<?> running;
    private final Counter heldBack;
    private final Pace pace = new Pace();
    private double due;
    /** Event time of the previous tick: this tick's player events are spread after it. */
    private volatile Instant lastTick;
    private long ticks;
    private long sentAtLastProgressLine;

    public GeneratorLoop(GeneratorConfig config, WorldSettings settings, FleetSettings fleetSettings, EventSink sink,
                         SendStats stats, SentKpis kpis, MeterRegistry registry) {
        this.config = config;
        this.kpis = kpis;
        this.fleetSettings = fleetSettings;
        this.sink = sink;
        this.stats = stats;
        this.rate = config.rate();
        this.world = new GameWorld(settings);
        registry.gauge("gameflow.generator.backlog", sink, EventSink::backlog);
        heldBack = registry.counter("gameflow.generator.held.back.ticks");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.autostart() && config.mode() != OutputMode.NONE) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        ticker.shutdownNow();
        if (!sink.flush(FLUSH_AT_SHUTDOWN)) {
            LOG.warnf("%d events still unsent after %s", sink.backlog(), FLUSH_AT_SHUTDOWN);
        }
        LOG.infof("ground truth at shutdown: %s", truth());
    }

    /** False in mode {@code none}, where there is nothing to send to. */
    public synchronized boolean start() {
        if (config.mode() == OutputMode.NONE) {
            return false;
        }
        if (running == null) {
            LOG.infof("generating %.1f player events/s and %d servers' reports to %s (seed %d, clock speed %.1f)",
                    rate, fleetSettings.servers(), config.mode(), config.seed(), config.clockSpeed());
            synchronized (world) {
                if (clock == null) {
                    clock = new SimClock(Instant.now(), config.clockSpeed(), config.fastClockFor());
                }
                Instant now = clock.eventTime(Instant.now());
                if (fleet == null) {
                    fleet = new ServerFleet(fleetSettings, config.seed(), now);
                    fraudRing = new FraudRing(config.fraudActors(), config.fraudEvery(), now);
                } else {
                    // while stopped the world went on unobserved: what happened then is not sent late
                    fleet.skipUntil(now);
                    fraudRing.purchasesUntil(now);
                }
            }
            lastTick = null;
            running = ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
            pace.reset();
        }
    }

    public void setRate(double eventsPerSecond) {
        this.rate = eventsPerSecond;
    }

    public GeneratorStatus status() {
        SimClock now = clock;
        return new GeneratorStatus(running != null, config.mode().name().toLowerCase(), rate,
                running == null ? null : pace.achievedRate(config.clockSpeed()), running != null && pace.behind(),
                config.clockSpeed(), now == null ? null : now.eventTime(Instant.now()), config.seed(),
                stats.deliveredPerTopic(), sink.backlog(), stats.sendErrors(), stats.lastError());
    }

    /** What the world planted so far. */
    public GroundTruth truth() {
        synchronized (world) {
            return new GroundTruth(world.hotspots(), world.stuckPlayers(), world.stuckTotal(),
                    fraudRing == null ? List.of() : fraudRing.actors(), fleet == null ? List.of() : fleet.incidents(),
                    kpis.kpis());
        }
    }

    /** Never throws: an exception would silently cancel the schedule while the status still said running. */
    private void tick() {
        try {
            pace.observe(System.nanoTime(), stats.delivered(EventKind.PLAYER_ACTION));
            sendDueEvents();
            if (++ticks % TICKS_PER_PROGRESS_LINE == 0) {
                logProgress();
            }
        } catch (RuntimeException e) {
            stats.noteProblem("generator tick failed: " + e);
            LOG.warn("generator tick failed; continuing", e);
        }
    }

    private void logProgress() {
        GeneratorStatus status = status();
        long total = stats.totalDelivered();
        double perSecond = (total - sentAtLastProgressLine) * 1000.0 / (TICKS_PER_PROGRESS_LINE * TICK_MILLIS);
        sentAtLastProgressLine = total;
        LOG.infof("sent %.0f events/s over the last 10 s; totals %s; backlog %d; send errors %d", perSecond,
                status.sentPerTopic(), status.backlog(), status.sendErrors());
        if (status.behind()) {
            LOG.warnf("behind the set rate: %.0f of %.0f player events per second of event time were acknowledged over"
                    + " the last 10 s; the destination takes no more, so fewer are generated (none is dropped)",
                    status.achievedRate() == null ? 0.0 : status.achievedRate(), status.rate());
        }
    }

    private void sendDueEvents() {
        long room = sink.room();
        if (room <= 0) {
            // the world goes on unobserved, as while stopped: servers' and fraud actors' reports are sent late
            heldBack.increment();
            pace.heldBack();
            due = 0;
            return;
        }
        // the rate is per second of event time: a faster clock sends as much more per wall second
        due += rate * clock.speed() * TICK_MILLIS / 1000.0;
        int n = (int) due;
        due -= n;
        if (n > room) {
            // no more than the destination takes now: fewer players act in this tick, and the generator falls behind
            // its set rate (status and log say so) instead of handing over events that would be refused
            pace.heldBack();
            n = (int) room;
            due = 0;
        }
        Instant now = clock.eventTime(Instant.now());
        Instant previous = lastTick == null || !lastTick.isBefore(now) ? now.minusMillis(TICK_MILLIS) : lastTick;
        lastTick = now;
        long spanNanos = Duration.between(previous, now).toNanos();
        List<GeneratedEvent> events = new ArrayList<>(n + fleetSettings.servers());
        synchronized (world) {
            for (int i = 0; i < n; i++) {
                // spread over the tick, as players act: two actions of one player are never the same event
                Instant at = previous.plusNanos(spanNanos * (i + 1) / n).truncatedTo(ChronoUnit.MILLIS);
                events.add(world.next(at));
            }
            events.addAll(fleet.reportsUntil(now));
            events.addAll(fraudRing.purchasesUntil(now));
        }
        // in event-time order (stable): a fraud actor's purchase due early in the tick must not follow a player's
        // later one onto a partition, where a day that ended in between would already be final in engagement's KPIs
        events.sort(Comparator.comparing(GeneratorLoop::timeOf));
        sink.send(events);
    }

    private static Instant timeOf(GeneratedEvent generated) {
        Object event = generated.event();
        if (event instanceof PlayerEvent player) {
            return player.eventTime();
        }
        if (event instanceof PurchaseEvent purchase) {
            return purchase.eventTime();
        }
        return event instanceof ServerMetricEvent metric ? metric.eventTime() : Instant.MIN;
    }
}
