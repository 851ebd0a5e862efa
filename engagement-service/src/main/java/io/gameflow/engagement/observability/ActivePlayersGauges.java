package io.gameflow.engagement.observability;

import io.gameflow.engagement.query.ActivePlayersStore;
import io.gameflow.engagement.domain.ActiveWindows;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.List;
import java.util.Map;

/**
 * {@code gameflow_engagement_active_players{window, platform}}: this instance's active players, read from the store
 * once per scrape (the 20 series share one read, kept for a second). Instances hold disjoint players, so Prometheus
 * sums them. NaN while not queryable.
 */
@ApplicationScoped
public class ActivePlayersGauges {

    private static final long READ_VALID_MS = 1000;

    private final ActivePlayersStore store;
    private final MeterRegistry registry;
    private volatile Map<String, Long> lastRead = Map.of();
    private volatile long lastReadAt;

    public ActivePlayersGauges(ActivePlayersStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (int w = 0; w < ActiveWindows.NAMES.size(); w++) {
            for (String platform : List.of(ActiveWindows.ALL, "PC", "Console", "Mobile", ActiveWindows.OTHER)) {
                String key = ActiveWindows.countKey(w, platform);
                Gauge.builder("gameflow.engagement.active.players", this, gauges -> gauges.read(key))
                        .description("Players with an event in the last window of event time")
                        .tags("window", ActiveWindows.NAMES.get(w), "platform", platform)
                        .register(registry);
            }
        }
    }

    private double read(String key) {
        long now = System.currentTimeMillis();
        try {
            if (now - lastReadAt > READ_VALID_MS) {
                lastRead = store.counts();
                lastReadAt = now;
            }
            return lastRead.getOrDefault(key, 0L);
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            return Double.NaN;
        }
    }
}
