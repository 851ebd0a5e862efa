package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.domain.LevelFunnelStats;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/v1/engagement/levels")
@Tag(name = "engagement")
public class LevelsResource {

    private final EngagementState state;

    public LevelsResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per level and map: events (and by event type), distinct players, players there now, stuck now, drop-offs",
            description = "Counts since the beginning of player-events, per (level_id, map_id), sorted by level_id "
                    + "then map_id. as_of is the service's stream time (the latest event time processed, where an event "
                    + "dated more than the clock skew ahead of its receipt counts at its receipt time), so a replay "
                    + "of the same events gives the same answer.")
    @APIResponse(responseCode = "200", description = "The counts, as of the stream time",
            content = @Content(schema = @Schema(implementation = LevelsAnswer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Integer.class)),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public LevelsAnswer levels(
            @Parameter(description = "Only the maps of this level") @QueryParam("level_id") String levelId) {
        // blank means "no filter", as a form with an empty field would send it
        String filter = levelId == null || levelId.isBlank() ? null : levelId;
        return LevelsAnswer.of(LevelMapReport.of(state.cells(), filter), state.cellsNow(), state.cellAlerts());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{level_id}")
    @Operation(summary = "One level: its funnel figures and its maps (events and distinct players per map)")
    @APIResponse(responseCode = "200", description = "The level",
            content = @Content(schema = @Schema(implementation = LevelAnswer.class)))
    @APIResponse(responseCode = "404", description = "No event of this level has been processed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public LevelAnswer level(@PathParam("level_id") String levelId) {
        LevelFunnelStats level = state.funnel().stream().filter(l -> l.levelId().equals(levelId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no event of level '" + levelId + "' has been processed; "
                        + "GET /v1/engagement/funnel lists the levels"));
        LevelMapReport maps = LevelMapReport.of(state.cells(), levelId);
        return new LevelAnswer(maps.asOf().orElse(null), FunnelResource.LevelView.of(level),
                LevelsAnswer.of(maps, state.cellsNow(), state.cellAlerts()).levels());
    }

    /** One level's funnel figures and its maps, as of the stream time. */
    public record LevelAnswer(Instant asOf, FunnelResource.LevelView level, List<LevelEngagement> maps) {
    }
}
