package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.ServerFleet;
import io.gameflow.metrics.streams.ServerLatestStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Optional;

@Path("/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {

    private final ServerLatestStore store;

    public ServersResource(ServerLatestStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "Latest health sample of every game server",
            description = "One entry per server, its latest sample by event time, sorted by server_id. as_of is the "
                    + "stream time: the latest event time processed (null before the first sample), never the wall clock.")
    @APIResponse(responseCode = "200", description = "The servers, optionally only those of one region",
            content = @Content(schema = @Schema(implementation = ServersAnswer.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ServersAnswer list(@Parameter(description = "Only servers of this region, e.g. us-west")
                              @QueryParam("region") String region) {
        ServerFleet fleet = store.fleet();
        Optional<String> onlyRegion = Optional.ofNullable(region).filter(r -> !r.isBlank());
        return new ServersAnswer(fleet.asOf().orElse(null),
                fleet.servers(onlyRegion).stream().map(ServerView::of).toList());
    }

    @GET
    @Path("/{server_id}")
    @Operation(summary = "Latest health sample of one game server",
            description = "The server's latest sample by event time, with as_of, the stream time of the whole service.")
    @APIResponse(responseCode = "200", description = "The server's latest sample",
            content = @Content(schema = @Schema(implementation = ServerAnswer.class)))
    @APIResponse(responseCode = "404", description = "No sample of this server has been processed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ServerAnswer one(@PathParam("server_id") String serverId) {
        ServerFleet fleet = store.fleet();
        return fleet.server(serverId)
                .map(sample -> ServerAnswer.of(fleet.asOf().orElse(null), sample))
                .orElseThrow(() -> new UnknownServerException(serverId));
    }
}
