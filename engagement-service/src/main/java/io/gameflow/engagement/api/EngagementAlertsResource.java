package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.messaging.FindingsLog;
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
import java.util.Set;

@Path("/v1/engagement/alerts")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementAlertsResource {

    private final FindingsLog log;
    private final EngagementState state;

    public EngagementAlertsResource(FindingsLog log, EngagementState state) {
        this.log = log;
        this.state = state;
    }

    @GET
    @Operation(summary = "The latest stuck and drop-off alerts, as on engagement-alerts",
            description = "Latest first, at most limit (1-1000, default 100) of the latest 1,000. player_stuck: a player at "
                    + "one level and map for at least 3 min with at least 10 events there and no level_complete of it. "
                    + "player_dropped_off: a session that ended (5 min without events) on an uncompleted level.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", description = "An unknown type or a bad limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Answer alerts(@Parameter(description = "player_stuck or player_dropped_off") @QueryParam("type") String type,
                         @Parameter(description = "Only alerts at this level") @QueryParam("level_id") String levelId,
                         @Parameter(description = "Only alerts at this map") @QueryParam("map_id") String mapId,
                         @Parameter(description = "At most this many, 1-1000") @QueryParam("limit") String limit) {
        String only = QueryParams.oneOf("type", type, Set.of(EngagementAlert.STUCK, EngagementAlert.DROPPED_OFF));
        int most = QueryParams.limit(limit);
        List<EngagementAlert> alerts = log.alerts(a -> QueryParams.matches(only, a.type())
                && QueryParams.matches(levelId, a.levelId()) && QueryParams.matches(mapId, a.mapId()), most);
        return new Answer(LevelMapReport.of(state.cells(), null).asOf().orElse(null), alerts);
    }

    /** The alerts, and the stream time of the service. */
    public record Answer(Instant asOf, List<EngagementAlert> alerts) {
    }
}
