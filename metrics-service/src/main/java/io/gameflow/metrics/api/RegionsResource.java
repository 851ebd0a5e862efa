package io.gameflow.metrics.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.metrics.query.Fleet;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.ServerState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

@Path("/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionsResource {

    private final Fleet fleet;

    public RegionsResource(Fleet fleet) {
        this.fleet = fleet;
    }

    @GET
    @Operation(summary = "Every region: servers by status, rolling statistics over all its servers and per server type, "
            + "region alerts firing (e.g. region_latency_degraded)",
            description = "Sorted by region. as_of is the stream time: the latest event time processed.")
    @APIResponse(responseCode = "200", description = "The regions",
            content = @Content(schema = @Schema(implementation = RegionsAnswer.class)))
    @APIResponse(responseCode = "503", description = "The state is not queryable yet; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RegionsAnswer list() {
        List<ServerState> servers = fleet.servers();
        Map<String, RegionState> regionStates = fleet.regions();
        Map<String, List<ServerState>> byRegion = new TreeMap<>(servers.stream()
                .collect(Collectors.groupingBy(s -> s.latest().region())));
        List<RegionView> regions = byRegion.entrySet().stream()
                .map(e -> RegionView.of(e.getKey(), e.getValue(), firing(regionStates.get(e.getKey()))))
                .toList();
        return new RegionsAnswer(Fleet.asOf(servers), regions);
    }

    private static List<Alert> firing(RegionState state) {
        if (state == null) {
            return List.of();
        }
        return state.rules().values().stream().map(RuleState::firing).filter(Objects::nonNull).toList();
    }
}
