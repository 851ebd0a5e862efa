package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.ServerState;
import jakarta.ws.rs.BadRequestException;
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

import java.util.Comparator;
import java.util.List;
import java.util.Set;

@Path("/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {

    static final Set<String> STATUSES = Set.of("healthy", "warning", "critical", "silent");

    private final Fleet fleet;

    public ServersResource(Fleet fleet) {
        this.fleet = fleet;
    }

    @GET
    @Operation(summary = "Every game server: status, latest sample, rolling statistics, alerts firing",
            description = "Sorted by server_id. status is silent (no sample for silence-after), critical or warning (the "
                    + "worst severity of its alerts firing), or healthy. stats has avg, max and p95 of cpu_load, "
                    + "memory_usage and latency over the rolling window (1 min of event time). as_of is the stream time: "
                    + "the latest event time processed (null before the first sample), never the wall clock.")
    @APIResponse(responseCode = "200", description = "The servers, optionally only those of one region or status",
            content = @Content(schema = @Schema(implementation = ServersAnswer.class)))
    @APIResponse(responseCode = "400", description = "An unknown status",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ServersAnswer list(@Parameter(description = "Only servers of this region, e.g. us-west") @QueryParam("region") String region,
                              @Parameter(description = "Only servers in this status: healthy, warning, critical or silent")
                              @QueryParam("status") String status) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of healthy, warning, critical, silent; got '" + status + "'");
        }
        List<ServerState> all = fleet.servers();
        List<ServerView> views = all.stream()
                .filter(s -> region == null || region.isBlank() || region.equals(s.latest().region()))
                .filter(s -> status == null || status.isBlank() || status.equals(s.status()))
                .sorted(Comparator.comparing(s -> s.latest().serverId()))
                .map(ServerView::of)
                .toList();
        return new ServersAnswer(Fleet.asOf(all), views);
    }

    @GET
    @Path("/{server_id}")
    @Operation(summary = "One game server: status, latest sample, rolling statistics and the alerts firing for it",
            description = "Answered by the instance that owns the server. as_of is that instance's view of the stream time.")
    @APIResponse(responseCode = "200", description = "The server",
            content = @Content(schema = @Schema(implementation = ServerAnswer.class)))
    @APIResponse(responseCode = "404", description = "No sample of this server has been processed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ServerAnswer one(@PathParam("server_id") String serverId) {
        ServerState state = fleet.server(serverId).orElseThrow(() -> new UnknownServerException(serverId));
        return ServerAnswer.of(state.latest().lastSeenTime(), ServerView.of(state));
    }
}
