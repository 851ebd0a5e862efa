package io.gameflow.metrics.api;

import io.gameflow.metrics.query.ServerFilter;
import io.gameflow.metrics.query.ServerPage;
import io.gameflow.metrics.query.Fleet;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.query.HealthStores;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** What this instance holds, for the other instances of the service; not part of the public API. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {

    public static final String SERVERS = "/internal/v1/servers";
    public static final String REGIONS = "/internal/v1/regions";
    public static final String SERVER_PAGE = "/internal/v1/server-page";

    private final HealthStores stores;
    private final Fleet fleet;

    public InternalResource(HealthStores stores, Fleet fleet) {
        this.stores = stores;
        this.fleet = fleet;
    }

    @GET
    @Path("/server-page")
    @Operation(hidden = true)
    public ServerPage serverPage(@QueryParam("after") String after, @QueryParam("limit") String limit,
                                 @QueryParam("region") String region, @QueryParam("status") String status) {
        return fleet.localPage(after, ServerPaging.limit(limit, ServerPaging.MAX_LIMIT + 1), new ServerFilter(region, status));
    }

    @GET
    @Path("/servers")
    @Operation(hidden = true)
    public List<ServerState> servers() {
        return stores.localServers();
    }

    @GET
    @Path("/servers/{server_id}")
    @Operation(hidden = true)
    public ServerState server(@PathParam("server_id") String serverId) {
        return stores.localServer(serverId).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/regions")
    @Operation(hidden = true)
    public Map<String, RegionState> regions() {
        return stores.localRegions();
    }
}
