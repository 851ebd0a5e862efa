package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.domain.rules.DropOffRanking;
import io.gameflow.engagement.domain.rules.Hotspot;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/v1/engagement/hotspots")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class HotspotsResource {

    private final EngagementState state;

    public HotspotsResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Operation(summary = "Level/map pairs where players give up or get stuck, worst first",
            description = "Ranked by drop-off rate (sessions ended there on an uncompleted level, per distinct player "
                    + "of the pair), then by players found stuck there. Counts since the start of the state (kept in Kafka "
                    + "Streams stores, not limited by the retention of engagement-alerts).")
    @APIResponse(responseCode = "200", description = "The pairs, worst first",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Answer hotspots(@Parameter(description = "At most this many, 1-1000") @QueryParam("limit") String limit) {
        int most = QueryParams.limit(limit);
        LevelMapReport report = LevelMapReport.of(state.cells(), null);
        List<Hotspot> ranked = DropOffRanking.worstFirst(report.cells(), state.cellAlerts(), most);
        return new Answer(report.asOf().orElse(null), ranked);
    }

    public record Answer(Instant asOf, List<Hotspot> hotspots) {
    }
}
