package io.gameflow.engagement.observability;

import io.gameflow.engagement.query.CellsNowStore;
import io.gameflow.engagement.query.LevelFunnelStore;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Where players are and how levels go, as gauges of this instance's part (Prometheus sums the instances, which
 * hold disjoint players and levels):
 * {@code gameflow_engagement_players_now} and {@code gameflow_engagement_stuck_players} per level and map, and
 * {@code gameflow_engagement_level_players}, {@code _level_completions}, {@code _level_drop_offs} per level — the
 * funnel and the heat map of the dashboards. Read from the stores every {@code gameflow.engagement.gauges-every}.
 * At most {@value EngagementMeters#MAX_CELLS} level/map pairs and as many levels get series, so that a client
 * inventing level names cannot grow them without end: the pairs with the most players there now (then stuck), and
 * the levels with the most players, chosen again at every refresh. While the stores cannot be read (rebalancing) the
 * series shown show 0, so that two instances never both count the same players.
 */
@ApplicationScoped
public class LevelGauges {

    private static final Comparator<CellNow> BUSIEST_CELL = Comparator.comparingLong(CellNow::players)
            .thenComparingLong(CellNow::stuck).reversed();
    private static final Comparator<LevelFunnelStats> BUSIEST_LEVEL = Comparator.comparingLong(LevelFunnelStats::players)
            .thenComparingLong(level -> level.completions() + level.dropOffs()).reversed();

    private final CellsNowStore cellsNow;
    private final LevelFunnelStore funnel;
    private final MultiGauge playersNow;
    private final MultiGauge stuck;
    private final MultiGauge levelPlayers;
    private final MultiGauge completions;
    private final MultiGauge dropOffs;
    private List<CellNow> shownCells = List.of();
    private List<LevelFunnelStats> shownLevels = List.of();

    public LevelGauges(CellsNowStore cellsNow, LevelFunnelStore funnel, MeterRegistry registry) {
        this.cellsNow = cellsNow;
        this.funnel = funnel;
        playersNow = gauge("gameflow.engagement.players.now",
                "Players whose latest event is on this level and map, in an open session", registry);
        stuck = gauge("gameflow.engagement.stuck.players", "Players stuck on this level and map now", registry);
        levelPlayers = gauge("gameflow.engagement.level.players", "Distinct players who played the level", registry);
        completions = gauge("gameflow.engagement.level.completions", "Players who completed the level", registry);
        dropOffs = gauge("gameflow.engagement.level.drop.offs", "Sessions that ended on the level uncompleted", registry);
    }

    @Scheduled(every = "${gameflow.engagement.gauges-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            shownCells = busiestCells(cellsNow.local().values());
            shownLevels = busiestLevels(funnel.counts());
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            // rebalancing or stopped: another instance may report these players now, and the dashboards add up
            shownCells = shownCells.stream().map(cell -> new CellNow(cell.levelId(), cell.mapId(), 0, 0)).toList();
            shownLevels = shownLevels.stream().map(level -> LevelFunnelStats.empty(level.levelId())).toList();
        }
        playersNow.register(cellRows(shownCells, CellNow::players), true);
        stuck.register(cellRows(shownCells, CellNow::stuck), true);
        levelPlayers.register(levelRows(shownLevels, LevelFunnelStats::players), true);
        completions.register(levelRows(shownLevels, LevelFunnelStats::completions), true);
        dropOffs.register(levelRows(shownLevels, LevelFunnelStats::dropOffs), true);
    }

    static List<CellNow> busiestCells(Collection<CellNow> cells) {
        return LabelCap.mostActive(cells, EngagementMeters.MAX_CELLS, BUSIEST_CELL, cell -> LevelMapKeys.cell(cell.levelId(), cell.mapId()));
    }

    static List<LevelFunnelStats> busiestLevels(Collection<LevelFunnelStats> levels) {
        return LabelCap.mostActive(levels, EngagementMeters.MAX_CELLS, BUSIEST_LEVEL, LevelFunnelStats::levelId);
    }

    private static MultiGauge gauge(String name, String description, MeterRegistry registry) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static List<MultiGauge.Row<?>> cellRows(List<CellNow> cells, ToDoubleFunction<CellNow> value) {
        return rows(cells, cell -> Tags.of("level_id", cell.levelId(), "map_id", cell.mapId()), value);
    }

    private static List<MultiGauge.Row<?>> levelRows(List<LevelFunnelStats> levels, ToDoubleFunction<LevelFunnelStats> value) {
        return rows(levels, level -> Tags.of("level_id", level.levelId()), value);
    }

    private static <T> List<MultiGauge.Row<?>> rows(List<T> shown, Function<T, Tags> tags, ToDoubleFunction<T> value) {
        return shown.stream().<MultiGauge.Row<?>>map(item -> MultiGauge.Row.of(tags.apply(item), value.applyAsDouble(item))).toList();
    }
}
