package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.kpi.KpiParts;
import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.SessionStats;
import io.gameflow.engagement.query.KpiStore;
import io.gameflow.engagement.query.ActivePlayersStore;
import io.gameflow.engagement.query.CellAlertsStore;
import io.gameflow.engagement.query.CellsNowStore;
import io.gameflow.engagement.query.LevelFunnelStore;
import io.gameflow.engagement.query.LevelMapStore;
import io.gameflow.engagement.query.PlayerStateStore;
import io.gameflow.engagement.query.RevenueStore;
import io.gameflow.engagement.query.SessionStatsStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** What this instance holds, for the other instances of the service; not part of the public API. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {

    public static final String CELLS = "/internal/v1/cells";
    public static final String FUNNEL = "/internal/v1/funnel";
    public static final String ACTIVE = "/internal/v1/active";
    public static final String REVENUE = "/internal/v1/revenue";
    public static final String PLAYERS = "/internal/v1/players/";
    public static final String SESSIONS = "/internal/v1/sessions";
    public static final String CELLS_NOW = "/internal/v1/cells-now";
    public static final String CELL_ALERTS = "/internal/v1/cell-alerts";
    public static final String KPIS = "/internal/v1/kpis";

    private final LevelMapStore cells;
    private final LevelFunnelStore funnel;
    private final ActivePlayersStore active;
    private final RevenueStore revenue;
    private final PlayerStateStore players;
    private final SessionStatsStore sessions;
    private final CellsNowStore cellsNow;
    private final CellAlertsStore cellAlerts;
    private final KpiStore kpis;

    public InternalResource(LevelMapStore cells, LevelFunnelStore funnel, ActivePlayersStore active, RevenueStore revenue,
                            PlayerStateStore players, SessionStatsStore sessions, CellsNowStore cellsNow,
                            CellAlertsStore cellAlerts, KpiStore kpis) {
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

    @GET
    @Path("/kpis")
    @Operation(hidden = true)
    public KpiParts kpis(@QueryParam("from") int fromDay, @QueryParam("to") int toDay) {
        return kpis.local(fromDay, toDay);
    }

    @GET
    @Path("/cell-alerts")
    @Operation(hidden = true)
    public Map<String, CellAlerts> cellAlerts() {
        return cellAlerts.local();
    }

    @GET
    @Path("/cells-now")
    @Operation(hidden = true)
    public Map<String, CellNow> cellsNow() {
        return cellsNow.local();
    }

    @GET
    @Path("/sessions")
    @Operation(hidden = true)
    public SessionStats sessions() {
        return sessions.local();
    }

    @GET
    @Path("/cells")
    @Operation(hidden = true)
    public List<LevelMapStats> cells() {
        return cells.all();
    }

    @GET
    @Path("/funnel")
    @Operation(hidden = true)
    public List<LevelFunnelStats> funnel() {
        return funnel.all();
    }

    @GET
    @Path("/active")
    @Operation(hidden = true)
    public Map<String, Long> active() {
        return active.counts();
    }

    @GET
    @Path("/revenue")
    @Operation(hidden = true)
    public List<CurrencyRevenue> revenue() {
        return revenue.all();
    }

    @GET
    @Path("/players/{player_id}")
    @Operation(hidden = true)
    public PlayerState player(@PathParam("player_id") String playerId) {
        return players.player(playerId).orElseThrow(() -> new NotFoundException("no event of player '" + playerId + "'"));
    }
}
