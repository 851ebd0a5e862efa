package io.gameflow.engagement.api;

import io.gameflow.engagement.config.DashboardConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The run-time settings of the live page at {@code /} (the page itself is bundled at build time). */
@Path("/v1/dashboard/config")
@Tag(name = "dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardConfigResource {

    /** How often the page asks again: at most this stale is a panel (docs/architecture.md, "The live page"). */
    static final int REFRESH_SECONDS = 2;

    private final DashboardConfig config;

    public DashboardConfigResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "Where the live page at / reads server health, and how often it refreshes",
            description = "metrics_url is metrics-service's public base URL as the browser reaches it "
                    + "(GAMEFLOW_DASHBOARD_METRICS_URL); metrics-service must allow this page's origin (QUARKUS_HTTP_CORS_ORIGINS).")
    public Answer config() {
        return new Answer(config.metricsUrl().replaceAll("/+$", ""), REFRESH_SECONDS);
    }

    public record Answer(String metricsUrl, int refreshSeconds) {
    }
}
