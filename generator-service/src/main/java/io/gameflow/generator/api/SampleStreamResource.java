package io.gameflow.generator.api;

import io.gameflow.events.EventKind;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;

/** The streaming half of the sample web API: events as NDJSON for as long as the client reads. */
@Path("/v1/generator/stream")
public class SampleStreamResource {

    private static final int MAX_RATE = 1000;
    private static final long TICKS_PER_SECOND = 10;

    private final Samples samples;

    public SampleStreamResource(Samples samples) {
        this.samples = samples;
    }

    @GET
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sample events of one type as NDJSON, one per line, rate per second (1..1000), until the "
            + "client disconnects: type=player|purchase|server")
    public Multi<Object> stream(@QueryParam("type") @DefaultValue("player") String type,
                                @QueryParam("rate") @DefaultValue("10") String rateText) {
        EventKind kind = Samples.kindOf(type);
        int rate = Samples.wholeNumber("rate", rateText, 1, MAX_RATE);
        return Multi.createFrom().ticks().every(Duration.ofMillis(1000 / TICKS_PER_SECOND))
                // tick t sends the events due between t and t+1 tenths of a second, so any rate comes out exact
                .onItem().transformToIterable(tick -> samples.take(kind,
                        (int) ((tick + 1) * rate / TICKS_PER_SECOND - tick * rate / TICKS_PER_SECOND)));
    }
}
