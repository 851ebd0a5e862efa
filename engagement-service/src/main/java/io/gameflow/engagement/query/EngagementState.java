package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.streams.support.query.StreamsInstances;
import io.gameflow.streams.support.query.PeerClient;
import io.gameflow.engagement.api.InternalResource;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.engagement.domain.kpi.KpiParts;
import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.SessionStats;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The engagement state of the whole service, whichever instance holds it: this instance's stores plus the other
 * instances', asked over HTTP. Cells, levels and currencies are each held by one instance, so lists join; active
 * players are disjoint per instance, so counts add up. A player is asked of the instance that owns them.
 */
@ApplicationScoped
public class EngagementState {

    private final StreamsInstances instances;
    private final PeerClient peers;
    private final LevelMapStore cells;
    private final LevelFunnelStore funnel;
    private final ActivePlayersStore active;
    private final RevenueStore revenue;
    private final PlayerStateStore players;
    private final SessionStatsStore sessions;
    private final CellsNowStore cellsNow;
    private final CellAlertsStore cellAlerts;
    private final KpiStore kpis;

    public EngagementState(StreamsInstances instances, PeerClient peers, LevelMapStore cells, LevelFunnelStore funnel,
                           ActivePlayersStore active, RevenueStore revenue, PlayerStateStore players,
                           SessionStatsStore sessions, CellsNowStore cellsNow, CellAlertsStore cellAlerts,
                           KpiStore kpis) {
        this.instances = instances;
        this.peers = peers;
        this.cells = cells;
        this.funnel = funnel;
        this.active = active;
        this.revenue = revenue;
        this.players = players;
        this.sessions = sessions;
        this.cellsNow = cellsNow;
        this.cellAlerts = cellAlerts;
        this.kpis = kpis;
    }

    /**
     * The daily KPI counters of the days {@code fromDay} to {@code toDay} (epoch days) of every instance's tasks, added
     * up, with the tasks' first open day and as_of; only those when {@code fromDay > toDay}.
     */
    public KpiParts kpis(int fromDay, int toDay) {
        KpiParts all = kpis.local(fromDay, toDay);
        for (String peer : instances.others()) {
            all = all.plus(peers.ask(peer, InternalResource.KPIS + "?from=" + fromDay + "&to=" + toDay,
                    new TypeReference<KpiParts>() { }).orElse(KpiParts.NONE));
        }
        return all;
    }

    /** The tasks' first open day and as_of, without counters: what a default range is reckoned from. */
    public KpiParts kpiProgress() {
        return kpis(1, 0);
    }

    /** Cell key -> players found stuck and drop-offs there since the start, over all instances. */
    public Map<String, CellAlerts> cellAlerts() {
        return addedUpByCell(cellAlerts.local(), InternalResource.CELL_ALERTS,
                new TypeReference<Map<String, CellAlerts>>() { }, CellAlerts::plus);
    }

    /** Per-cell counts that every instance holds a part of (its players'), added up. */
    private <V> Map<String, V> addedUpByCell(Map<String, V> local, String path, TypeReference<Map<String, V>> type,
                                             BinaryOperator<V> plus) {
        Map<String, V> all = new HashMap<>(local);
        for (String peer : instances.others()) {
            peers.ask(peer, path, type).orElse(Map.of()).forEach((cell, part) -> all.merge(cell, part, plus));
        }
        return all;
    }

    /** Cell key -> players there now and stuck there now, over all instances. */
    public Map<String, CellNow> cellsNow() {
        return addedUpByCell(cellsNow.local(), InternalResource.CELLS_NOW, new TypeReference<Map<String, CellNow>>() { }, CellNow::plus);
    }

    public SessionStats sessions() {
        SessionStats all = sessions.local();
        for (String peer : instances.others()) {
            all = all.plus(peers.ask(peer, InternalResource.SESSIONS, new TypeReference<SessionStats>() { }).orElse(SessionStats.NONE));
        }
        return all;
    }

    public List<LevelMapStats> cells() {
        List<LevelMapStats> all = new ArrayList<>(cells.all());
        for (String peer : instances.others()) {
            all.addAll(peers.ask(peer, InternalResource.CELLS, new TypeReference<List<LevelMapStats>>() { }).orElse(List.of()));
        }
        return all;
    }

    public List<LevelFunnelStats> funnel() {
        List<LevelFunnelStats> all = new ArrayList<>(funnel.all());
        for (String peer : instances.others()) {
            all.addAll(peers.ask(peer, InternalResource.FUNNEL, new TypeReference<List<LevelFunnelStats>>() { }).orElse(List.of()));
        }
        all.sort(Comparator.comparing(LevelFunnelStats::levelId));
        return all;
    }

    public Map<String, Long> activeCounts() {
        Map<String, Long> all = new TreeMap<>(active.counts());
        for (String peer : instances.others()) {
            peers.ask(peer, InternalResource.ACTIVE, new TypeReference<Map<String, Long>>() { }).orElse(Map.of())
                    .forEach((key, count) -> all.merge(key, count, Long::sum));
        }
        return all;
    }

    public List<CurrencyRevenue> revenue() {
        List<CurrencyRevenue> all = new ArrayList<>(revenue.all());
        for (String peer : instances.others()) {
            all.addAll(peers.ask(peer, InternalResource.REVENUE, new TypeReference<List<CurrencyRevenue>>() { }).orElse(List.of()));
        }
        all.sort(Comparator.comparing(CurrencyRevenue::currency));
        return all;
    }

    public Optional<PlayerState> player(String playerId) {
        Optional<String> owner = instances.remoteOwnerOf(EngagementTopology.PLAYERS_STORE, playerId);
        if (owner.isEmpty()) {
            return players.player(playerId);
        }
        return peers.ask(owner.get(), InternalResource.PLAYERS + PeerClient.segment(playerId), new TypeReference<PlayerState>() { });
    }
}
