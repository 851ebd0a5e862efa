package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActiveWindows;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.List;

/**
 * {@code gameflow_engagement_active_players{window, platform}}: this instance's active players, read from the store
 * at each scrape (a few keys). Instances hold disjoint players, so Prometheus sums them. NaN while not queryable.
 */
@ApplicationScoped
public class ActivePlayersGauges {

    private final ActivePlayersStore store;
    private final MeterRegistry registry;

    public ActivePlayersGauges(ActivePlayersStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (int w = 0; w < ActiveWindows.NAMES.size(); w++) {
            for (String platform : List.of(ActiveWindows.ALL, "PC", "Console", "Mobile", ActiveWindows.OTHER)) {
                String key = ActiveWindows.countKey(w, platform);
                Gauge.builder("gameflow.engagement.active.players", store, s -> read(s, key))
                        .description("Players with an event in the last window of event time")
                        .tags("window", ActiveWindows.NAMES.get(w), "platform", platform)
                        .register(registry);
            }
        }
    }

    private static double read(ActivePlayersStore store, String key) {
        try {
            return store.counts().getOrDefault(key, 0L);
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            return Double.NaN;
        }
    }
}
