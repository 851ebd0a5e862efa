package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.PlayerState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/v1/engagement/players/{player_id}")
@Tag(name = "engagement")
@Produces(MediaType.APPLICATION_JSON)
public class PlayersResource {

    private final EngagementState state;

    public PlayersResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Operation(summary = "One player: session, position, whether stuck there, levels completed",
            description = "Answered by the instance that holds the player. as_of is the player's latest event time.")
    @APIResponse(responseCode = "200", description = "The player",
            content = @Content(schema = @Schema(implementation = PlayerAnswer.class)))
    @APIResponse(responseCode = "404", description = "No event of this player has been processed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PlayerAnswer player(@PathParam("player_id") String playerId) {
        PlayerState p = state.player(playerId).orElseThrow(() -> new NotFoundException(
                "no event of player '" + playerId + "' has been processed"));
        return new PlayerAnswer(Instant.ofEpochMilli(p.lastEvent()), p.playerId(), p.platform(), p.sessionId(), p.open(),
                Instant.ofEpochMilli(p.sessionStart()), p.sessionEvents(), p.levelId(), p.mapId(),
                Instant.ofEpochMilli(p.positionSince()), p.eventsAtPosition(), p.stuckReported(), p.completedLevels());
    }

    /** The player as of their latest event; stuck is whether the current position was reported as stuck. */
    public record PlayerAnswer(Instant asOf, String playerId, String platform, String sessionId, boolean sessionOpen,
                               Instant sessionStart, long sessionEvents, String levelId, String mapId, Instant atPositionSince,
                               long eventsAtPosition, boolean stuck, List<String> completedLevels) {
    }
}
