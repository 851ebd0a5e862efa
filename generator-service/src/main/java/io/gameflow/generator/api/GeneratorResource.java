package io.gameflow.generator.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.generator.domain.GeneratorStatus;
import io.gameflow.generator.domain.GroundTruth;
import io.gameflow.generator.service.GeneratorLoop;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

@Path("/v1/generator")
@Produces(MediaType.APPLICATION_JSON)
public class GeneratorResource {

    private static final int MAX_SAMPLE = 1000;

    private final GeneratorLoop loop;
    private final Samples samples;

    public GeneratorResource(GeneratorLoop loop, Samples samples) {
        this.loop = loop;
        this.samples = samples;
    }

    @GET
    @Operation(summary = "Whether the generator runs, its mode, rate and clock, the events delivered per topic, "
            + "the backlog not yet acknowledged, send errors and the last problem",
            description = "rate: player events per second of event time, as set; achieved_rate: those the destination "
                    + "acknowledged per second of event time over the last 10 s (null while stopped or in the first "
                    + "second); behind: true when in those 10 s the destination took fewer events than were due, so "
                    + "fewer were generated. Nothing is dropped: only acknowledged events count, in sent_per_topic and "
                    + "in the truth.")
    public GeneratorStatus status() {
        return loop.status();
    }

    @POST
    @Path("/start")
    @Operation(summary = "Start sending events; 409 in mode none, where there is nowhere to send them")
    @APIResponse(responseCode = "200", description = "running",
            content = @Content(schema = @Schema(implementation = GeneratorStatus.class)))
    @APIResponse(responseCode = "409", description = "mode none: set GAMEFLOW_GENERATOR_MODE to kafka or http")
    public Response start() {
        if (!loop.start()) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("nothing_to_send_to",
                            "the generator runs in mode none (samples only); set GAMEFLOW_GENERATOR_MODE to kafka or http", List.of()))
                    .build();
        }
        return Response.ok(loop.status()).build();
    }

    @POST
    @Path("/stop")
    @Operation(summary = "Stop sending events")
    public GeneratorStatus stop() {
        loop.stop();
        return loop.status();
    }

    @PUT
    @Path("/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the rate, in events per second over all topics, e.g. {\"rate\": 200}")
    public GeneratorStatus rate(RateRequest request) {
        if (request == null || request.rate() == null || !(request.rate() >= 0) || request.rate() > 1_000_000) {
            throw new BadRequestException("send {\"rate\": <events per second, 0 to 1000000>}");
        }
        loop.setRate(request.rate());
        return loop.status();
    }

    @GET
    @Path("/truth")
    @Operation(summary = "The ground truth so far: the server incidents planted (kind, server or region, start, end), "
            + "the fraud actors with their pattern, the hotspots and stuck players, and the studio KPIs of the events "
            + "delivered: what metrics-service and engagement-service should find",
            description = "kpis: {\"kpi_zone\": the zone of the days (GAMEFLOW_GENERATOR_POPULATION_ZONE), \"days\": "
                    + "the latest 60 days with a delivered event, oldest first, each {\"date\": yyyy-MM-dd of event time "
                    + "in kpi_zone, \"dau\": players with at least one player event that day, \"new_players\": players "
                    + "whose first player event is that day, \"d1\", \"d7\": players of that day's cohort with a player "
                    + "event 1 and 7 days later (counts so far, final once that day is over), \"d1_share\", \"d7_share\": "
                    + "those counts over new_players (null when new_players is 0), \"revenue\": per currency "
                    + "{\"currency\", \"net_revenue\": purchases minus refunds of that day, \"paying_users\": distinct "
                    + "users with a purchase that day}}}. Only events the destination acknowledged count (Kafka's ack, "
                    + "ingest's acceptance); failed or refused ones never do. Only player_action events (player-events) "
                    + "make a player active, whatever the player's role; purchases count in revenue only.")
    @APIResponse(responseCode = "200", description = "the ground truth",
            content = @Content(schema = @Schema(implementation = GroundTruth.class)))
    public GroundTruth truth() {
        return loop.truth();
    }

    @GET
    @Path("/sample")
    @Operation(summary = "Sample events of one type, as a JSON array: type=player|purchase|server, count=1..1000")
    public List<Object> sample(@QueryParam("type") @DefaultValue("player") String type,
                               @QueryParam("count") @DefaultValue("10") String countText) {
        return samples.take(Samples.kindOf(type), parseCount(countText));
    }

    private static int parseCount(String text) {
        return Samples.wholeNumber("count", text, 1, MAX_SAMPLE);
    }

    public record RateRequest(Double rate) {
    }
}
