package io.gameflow.generator.api;

import io.gameflow.events.EventKind;
import io.gameflow.generator.domain.FleetSettings;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.GeneratorStatus;
import io.gameflow.generator.domain.GroundTruth;
import io.gameflow.generator.domain.ServerFleet;
import io.gameflow.generator.domain.WorldSettings;
import io.gameflow.generator.messaging.GeneratorLoop;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

@Path("/v1/generator")
@Produces(MediaType.APPLICATION_JSON)
public class GeneratorResource {

    private static final int MAX_SAMPLE = 1000;
    private static final Map<String, EventKind> SAMPLE_TYPES = Map.of(
            "player", EventKind.PLAYER_ACTION, "purchase", EventKind.TRANSACTION, "server", EventKind.SERVER_METRIC);

    private final GeneratorLoop loop;
    /** Samples come from a world and fleet of their own, so that looking at samples does not change what is sent. */
    private final GameWorld sampleWorld;
    private final ServerFleet sampleFleet;

    public GeneratorResource(GeneratorLoop loop, WorldSettings settings, FleetSettings fleetSettings) {
        this.loop = loop;
        this.sampleWorld = new GameWorld(settings);
        this.sampleFleet = new ServerFleet(fleetSettings, settings.seed(), Instant.now());
    }

    @GET
    @Operation(summary = "Whether the generator runs, its mode and rate, and the events sent per topic")
    public GeneratorStatus status() {
        return loop.status();
    }

    @POST
    @Path("/start")
    @Operation(summary = "Start sending events")
    public GeneratorStatus start() {
        loop.start();
        return loop.status();
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
    @Operation(summary = "The ground truth so far: the server incidents planted (kind, server or region, start, end) "
            + "and the fraud actors with their pattern: what metrics-service and engagement-service should find")
    public GroundTruth truth() {
        return loop.truth();
    }

    @GET
    @Path("/sample")
    @Operation(summary = "Sample events of one type, as a JSON array: type=player|purchase|server, count=1..1000")
    public List<Object> sample(@QueryParam("type") @DefaultValue("player") String type,
                               @QueryParam("count") @DefaultValue("10") String countText) {
        EventKind kind = SAMPLE_TYPES.get(type);
        if (kind == null) {
            throw new BadRequestException("type must be one of player, purchase, server; got '" + type + "'");
        }
        int count = parseCount(countText);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        synchronized (sampleWorld) {
            return IntStream.range(0, count)
                    .mapToObj(i -> kind == EventKind.SERVER_METRIC ? sampleFleet.sampleAt(now) : sampleWorld.next(kind, now))
                    .map(GeneratedEvent::event).toList();
        }
    }

    /** Parsed here rather than by JAX-RS, which answers a bare 404 to a query parameter that is not a number. */
    private static int parseCount(String text) {
        try {
            int count = Integer.parseInt(text.trim());
            if (count >= 1 && count <= MAX_SAMPLE) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below, with the accepted range
        }
        throw new BadRequestException("count must be a whole number between 1 and " + MAX_SAMPLE + "; got '" + text + "'");
    }

    public record RateRequest(Double rate) {
    }
}
