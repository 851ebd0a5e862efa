package io.gameflow.generator.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.generator.config.GeneratorConfig;
import io.gameflow.generator.config.GeneratorConfig.OutputMode;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.GeneratorStatus;
import io.gameflow.generator.domain.WorldSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces the world: every tick it produces the events due at the configured rate and sends them.
 * Counts what Kafka acknowledged per topic, and the failures.
 */
@ApplicationScoped
public class GeneratorLoop {

    private static final Logger LOG = Logger.getLogger(GeneratorLoop.class);
    private static final long TICK_MILLIS = 100;

    private final GeneratorConfig config;
    private final KafkaEventSink sink;
    private final GameWorld world;
    private final Map<EventKind, Counter> sent = new EnumMap<>(EventKind.class);
    private final AtomicLong sendErrors = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "generator-ticker"));
    private volatile double rate;
    private volatile String lastError;
    private volatile ScheduledFuture<?> running;
    private double due;

    public GeneratorLoop(GeneratorConfig config, WorldSettings settings, KafkaEventSink sink, MeterRegistry registry) {
        this.config = config;
        this.sink = sink;
        this.rate = config.rate();
        this.world = new GameWorld(settings);
        for (EventKind kind : EventKind.values()) {
            sent.put(kind, registry.counter("gameflow.generator.events", "topic", kind.defaultTopic()));
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (config.autostart() && config.mode() == OutputMode.KAFKA) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        ticker.shutdownNow();
    }

    public synchronized void start() {
        if (running == null && config.mode() == OutputMode.KAFKA) {
            LOG.infof("generating %.1f events/s to Kafka (seed %d)", rate, config.seed());
            running = ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    public void setRate(double eventsPerSecond) {
        this.rate = eventsPerSecond;
    }

    public GeneratorStatus status() {
        Map<String, Long> counts = new LinkedHashMap<>();
        sent.forEach((kind, count) -> counts.put(kind.defaultTopic(), (long) count.count()));
        return new GeneratorStatus(running != null, config.mode().name().toLowerCase(), rate, config.seed(),
                counts, sendErrors.get(), lastError);
    }

    /** Never throws: an exception would silently cancel the schedule while the status still said running. */
    private void tick() {
        try {
            sendDueEvents();
        } catch (RuntimeException e) {
            sendErrors.incrementAndGet();
            lastError = e.toString();
            LOG.warn("generator tick failed; continuing", e);
        }
    }

    private void sendDueEvents() {
        due += rate * TICK_MILLIS / 1000.0;
        int n = (int) due;
        due -= n;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            GeneratedEvent event;
            synchronized (world) {
                event = world.next(now);
            }
            sink.send(event).subscribe().with(
                    ok -> sent.get(event.kind()).increment(),
                    failure -> {
                        sendErrors.incrementAndGet();
                        lastError = failure.getMessage();
                    });
        }
    }
}
