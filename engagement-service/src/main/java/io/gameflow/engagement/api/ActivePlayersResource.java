package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.ActiveWindows;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/v1/engagement/active-players")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class ActivePlayersResource {

    private final EngagementState state;

    public ActivePlayersResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Operation(summary = "Active players over the last 1m, 5m, 15m and 1h, in total and by platform",
            description = "A player is active in window W with at least one event in (as_of − W, as_of]. Exact counts, "
                    + "kept per partition as the stream time advances (carried on by the wall clock when nothing arrives, "
                    + "never ahead of it); an event dated more than the clock skew (2 min) ahead of its receipt counts at "
                    + "its receipt time, so a client's wrong clock moves nobody else's count. Platforms other than PC, "
                    + "Console and Mobile count as other.")
    @APIResponse(responseCode = "200", description = "The counts by window",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Answer activePlayers() {
        Map<String, Long> counts = state.activeCounts();
        Map<String, Window> windows = new LinkedHashMap<>();
        for (int w = 0; w < ActiveWindows.NAMES.size(); w++) {
            Map<String, Long> byPlatform = new TreeMap<>();
            for (String platform : List.of("PC", "Console", "Mobile", ActiveWindows.OTHER)) {
                byPlatform.put(platform, counts.getOrDefault(ActiveWindows.countKey(w, platform), 0L));
            }
            windows.put(ActiveWindows.NAMES.get(w),
                    new Window(counts.getOrDefault(ActiveWindows.countKey(w, ActiveWindows.ALL), 0L), byPlatform));
        }
        return new Answer(LevelMapReport.of(state.cells(), null).asOf().orElse(null), windows);
    }

    /** Active players of one window: in total and by platform. */
    public record Window(long total, Map<String, Long> byPlatform) {
    }

    /** The windows 1m, 5m, 15m, 1h, as of the stream time. */
    public record Answer(Instant asOf, Map<String, Window> windows) {
    }
}
