package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.domain.SessionStats;
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

@Path("/v1/engagement/sessions")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private final EngagementState state;

    public SessionsResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Operation(summary = "Sessions: open now, ended, and the median and p95 of the length and events of those that ended",
            description = "A session is the events of one session_id; it ends after 5 min without events (or when the player "
                    + "starts another). The figures are over the latest 2,000 ended sessions of each partition.")
    @APIResponse(responseCode = "200", description = "The sessions",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Answer sessions() {
        SessionStats s = state.sessions();
        Long p50 = SessionStats.quantile(s.lengthsMs(), 0.5);
        Long p95 = SessionStats.quantile(s.lengthsMs(), 0.95);
        return new Answer(LevelMapReport.of(state.cells(), null).asOf().orElse(null), s.open(), s.ended(),
                p50 == null ? null : p50 / 1000.0, p95 == null ? null : p95 / 1000.0,
                SessionStats.quantile(s.events(), 0.5), SessionStats.quantile(s.events(), 0.95));
    }

    /** Lengths in seconds; null before the first session ended. */
    public record Answer(Instant asOf, long active, long ended, Double lengthP50Seconds, Double lengthP95Seconds,
                         Long eventsP50, Long eventsP95) {
    }
}
