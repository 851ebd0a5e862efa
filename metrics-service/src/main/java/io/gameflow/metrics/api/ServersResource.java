package io.gameflow.metrics.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.metrics.query.ServerFilter;
import io.gameflow.metrics.query.Fleet;
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
    @Operation(summary = "The game servers, a page at a time: status, latest sample, rolling statistics, alerts firing",
            description = "Sorted by server_id (by its UTF-8 bytes), at most limit per page; next_cursor, passed as cursor, "
                    + "gives the next page, and is null on the last one, so paging visits every server once and ends. "
                    + "status is silent (no sample for silence-after), critical or warning (the worst severity of its "
                    + "alerts firing), or healthy. stats has avg, max and p95 of cpu_load, memory_usage and latency over the "
                    + "rolling window (1 min of event time). A server silent for forget-after (24 h) is no longer listed. "
                    + "as_of is the stream time: the latest sample time of the servers tracked (null before the first "
                    + "sample), never the wall clock; a sample dated more than the clock skew (2 min) ahead of its receipt "
                    + "counts at its receipt time.")
    @APIResponse(responseCode = "200", description = "A page of servers, optionally only those of one region or status",
            content = @Content(schema = @Schema(implementation = ServersAnswer.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, a limit outside 1-1000, or a cursor this API did not give",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ServersAnswer list(@Parameter(description = "Only servers of this region, e.g. us-west") @QueryParam("region") String region,
                              @Parameter(description = "Only servers in this status: healthy, warning, critical or silent")
                              @QueryParam("status") String status,
                              @Parameter(description = "At most this many servers, 1-1000 (default 100)") @QueryParam("limit") String limit,
                              @Parameter(description = "next_cursor of the previous page; absent for the first page")
                              @QueryParam("cursor") String cursor) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of healthy, warning, critical, silent; got '" + status + "'");
        }
        int most = ServerPaging.limit(limit);
        Fleet.Page page = fleet.serversPage(ServerPaging.after(cursor), most, new ServerFilter(region, status));
        List<ServerView> views = page.servers().stream().map(ServerView::of).toList();
        String next = page.more() ? ServerPaging.cursor(views.get(views.size() - 1).serverId()) : null;
        return new ServersAnswer(page.asOf(), views, next);
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
