package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.LevelMapReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/v1/engagement/funnel")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    private final EngagementState state;

    public FunnelResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Operation(summary = "The completion funnel: per level, players, completions, completion rate, time to complete "
            + "(median, p95), drop-offs and drop-off rate",
            description = "completion_rate = players with a level_complete of the level ÷ players with any event on it. "
                    + "Times to complete run from a player's first event on the level to their first level_complete of it "
                    + "(the latest 10,000 per level). drop_offs are sessions that ended on the level uncompleted.")
    @APIResponse(responseCode = "200", description = "The levels in order",
            content = @Content(schema = @Schema(implementation = FunnelAnswer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public FunnelAnswer funnel() {
        return new FunnelAnswer(LevelMapReport.of(state.cells(), null).asOf().orElse(null),
                state.funnel().stream().map(LevelView::of).toList());
    }

    /** One level's funnel figures; times in seconds, null before the first completion. */
    public record LevelView(String levelId, long players, long completions, double completionRate,
                            Double medianSecondsToComplete, Double p95SecondsToComplete, long dropOffs, double dropOffRate) {

        static LevelView of(LevelFunnelStats s) {
            Long median = s.durationQuantile(0.5);
            Long p95 = s.durationQuantile(0.95);
            return new LevelView(s.levelId(), s.players(), s.completions(), s.completionRate(),
                    median == null ? null : median / 1000.0, p95 == null ? null : p95 / 1000.0, s.dropOffs(), s.dropOffRate());
        }
    }

    public record FunnelAnswer(Instant asOf, List<LevelView> levels) {
    }

}
