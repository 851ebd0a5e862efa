package io.gameflow.engagement.api;

import io.gameflow.engagement.domain.LevelMapReport;
import io.gameflow.engagement.streams.LevelMapStore;
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

@Path("/v1/engagement/levels")
@Tag(name = "engagement")
public class LevelsResource {

    private final LevelMapStore store;

    public LevelsResource(LevelMapStore store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Events and distinct players per level and map",
            description = "Counts since the beginning of player-events, per (level_id, map_id), sorted by level_id "
                    + "then map_id. as_of is the service's stream time (the latest event time processed), so a replay "
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
        return LevelsAnswer.of(LevelMapReport.of(store.all(), filter));
    }
}
