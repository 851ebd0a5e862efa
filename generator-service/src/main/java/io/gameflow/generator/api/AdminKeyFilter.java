package io.gameflow.generator.api;

import io.gameflow.api.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Set;

/**
 * The control endpoints (status, start, stop, rate) need the admin key; the sample API, the stream and the truth
 * stay open, as the web API a pull source or a dashboard reads.
 */
public class AdminKeyFilter {

    private static final Set<String> CONTROL_PATHS = Set.of(
            "/v1/generator", "/v1/generator/start", "/v1/generator/stop", "/v1/generator/rate");

    private final AdminKey adminKey;

    public AdminKeyFilter(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    /** @return the 401 answer, or null to go on */
    @ServerRequestFilter
    public Response checkAdminKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String control = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (!CONTROL_PATHS.contains(control) || adminKey.admits(request.getHeaderString(AdminKey.HEADER))) {
            return null;
        }
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("unauthorized", "controlling the generator needs its admin key in the "
                        + AdminKey.HEADER + " header", List.of())).build();
    }
}
