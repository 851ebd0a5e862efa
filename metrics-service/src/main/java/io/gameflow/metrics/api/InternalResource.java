package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.streams.HealthStores;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** What this instance holds, for the other instances of the service; not part of the public API. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {

    static final String SERVERS = "/internal/v1/servers";
    static final String REGIONS = "/internal/v1/regions";

    private final HealthStores stores;

    public InternalResource(HealthStores stores) {
        this.stores = stores;
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
