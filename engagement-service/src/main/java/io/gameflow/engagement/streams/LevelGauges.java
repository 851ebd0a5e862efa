package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Where players are and how levels go, as gauges of this instance's part (Prometheus sums the instances, which
 * hold disjoint players and levels):
 * {@code gameflow_engagement_players_now} and {@code gameflow_engagement_stuck_players} per level and map, and
 * {@code gameflow_engagement_level_players}, {@code _level_completions}, {@code _level_drop_offs} per level — the
 * funnel and the heat map of the dashboards. Read from the stores every {@code gameflow.engagement.gauges-every};
 * at most {@value EngagementMeters#MAX_CELLS} level/map pairs and as many levels get series, so that a client
 * inventing level names cannot grow them without end. While the stores cannot be read (rebalancing) they show 0, so
 * that two instances never both count the same players.
 */
@ApplicationScoped
public class LevelGauges {

    private final CellsNowStore cellsNow;
    private final LevelFunnelStore funnel;
    private final MeterRegistry registry;
    private volatile Map<String, CellNow> cells = Map.of();
    private volatile Map<String, LevelFunnelStats> levels = Map.of();
    private final Set<String> cellsWithGauges = ConcurrentHashMap.newKeySet();
    private final Set<String> levelsWithGauges = ConcurrentHashMap.newKeySet();

    public LevelGauges(CellsNowStore cellsNow, LevelFunnelStore funnel, MeterRegistry registry) {
        this.cellsNow = cellsNow;
        this.funnel = funnel;
        this.registry = registry;
    }

    @Scheduled(every = "${gameflow.engagement.gauges-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            cells = cellsNow.local();
            Map<String, LevelFunnelStats> byLevel = new HashMap<>();
            funnel.counts().forEach(level -> byLevel.put(level.levelId(), level));
            levels = byLevel;
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            // rebalancing or stopped: another instance may report these players now, and the dashboards add up
            cells = Map.of();
            levels = Map.of();
            return;
        }
        cells.forEach((key, cell) -> {
            if (cellsWithGauges.size() < EngagementMeters.MAX_CELLS && cellsWithGauges.add(key)) {
                cellGauge("gameflow.engagement.players.now", "Players whose latest event is on this level and map, in an open session",
                        key, cell, CellNow::players);
                cellGauge("gameflow.engagement.stuck.players", "Players stuck on this level and map now (DESIGN.md: stuck)",
                        key, cell, CellNow::stuck);
            }
        });
        levels.keySet().forEach(levelId -> {
            if (levelsWithGauges.size() < EngagementMeters.MAX_CELLS && levelsWithGauges.add(levelId)) {
                levelGauge("gameflow.engagement.level.players", "Distinct players who played the level", levelId, LevelFunnelStats::players);
                levelGauge("gameflow.engagement.level.completions", "Players who completed the level", levelId, LevelFunnelStats::completions);
                levelGauge("gameflow.engagement.level.drop.offs", "Sessions that ended on the level uncompleted", levelId, LevelFunnelStats::dropOffs);
            }
        });
    }

    private void cellGauge(String name, String description, String key, CellNow cell, ToDoubleFunction<CellNow> value) {
        Gauge.builder(name, this, gauges -> {
                    CellNow now = gauges.cells.get(key);
                    return now == null ? 0 : value.applyAsDouble(now);
                })
                .description(description).tags("level_id", cell.levelId(), "map_id", cell.mapId())
                .register(registry);
    }

    private void levelGauge(String name, String description, String levelId, ToDoubleFunction<LevelFunnelStats> value) {
        Gauge.builder(name, this, gauges -> {
                    LevelFunnelStats level = gauges.levels.get(levelId);
                    return level == null ? 0 : value.applyAsDouble(level);
                })
                .description(description).tag("level_id", levelId)
                .register(registry);
    }
}
