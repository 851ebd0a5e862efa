package io.gameflow.metrics.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.metrics.query.Fleet;
import io.gameflow.events.EventTimes;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.messaging.AlertLog;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private final AlertLog log;
    private final Fleet fleet;

    public AlertsResource(AlertLog log, Fleet fleet) {
        this.log = log;
        this.fleet = fleet;
    }

    @GET
    @Operation(summary = "Server and region alerts as on server-alerts: those firing now and the latest resolved ones",
            description = "Latest change first (started_at of a firing alert, resolved_at of a resolved one). Every "
                    + "instance reads all of server-alerts, so any instance answers for the whole fleet.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(implementation = AlertsAnswer.class)))
    @APIResponse(responseCode = "400", description = "An unknown state or a since that is not an ISO-8601 time",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public AlertsAnswer list(@Parameter(description = "firing or resolved; both when absent") @QueryParam("state") String state,
                             @Parameter(description = "Only alerts that changed at or after this event time, e.g. 2026-11-24T10:00:00Z")
                             @QueryParam("since") String since) {
        if (state != null && !state.equals(Alert.FIRING) && !state.equals(Alert.RESOLVED)) {
            throw new BadRequestException("state must be firing or resolved; got '" + state + "'");
        }
        return new AlertsAnswer(Fleet.asOf(fleet.servers()), log.alerts(state, since == null ? null : instant(since).toString()));
    }

    private static Instant instant(String text) {
        try {
            return EventTimes.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BadRequestException("since must be an ISO-8601 time such as 2026-11-24T10:00:00Z; got '" + text + "'");
        }
    }
}
