package io.gameflow.generator.api;

import io.gameflow.events.EventKind;
import io.gameflow.generator.domain.FleetSettings;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.ServerFleet;
import io.gameflow.generator.domain.WorldSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The web API of sample events (README, "generator-service"): a world and fleet of their own, so that looking at samples does not change
 * what the generator sends. The fleet's servers are {@value #SERVER_ID_PREFIX}N: samples stamped with the wall clock under
 * the ids of the generator's own servers, whose clock may run behind it (a fast clock plays the recent past), would
 * make metrics-service drop those servers' reports as late, and the planted incidents would never show.
 */
@ApplicationScoped
public class Samples {

    private static final Map<String, EventKind> TYPES = Map.of(
            "player", EventKind.PLAYER_ACTION, "purchase", EventKind.TRANSACTION, "server", EventKind.SERVER_METRIC);

    static final String SERVER_ID_PREFIX = "sample_server_";

    private final GameWorld world;
    private final ServerFleet fleet;

    public Samples(WorldSettings settings, FleetSettings fleetSettings) {
        this.world = new GameWorld(settings);
        this.fleet = new ServerFleet(fleetSettings, settings.seed(), Instant.now(), SERVER_ID_PREFIX);
    }

    /** @throws BadRequestException for a type other than player, purchase, server */
    static EventKind kindOf(String type) {
        EventKind kind = TYPES.get(type);
        if (kind == null) {
            throw new BadRequestException("type must be one of player, purchase, server; got '" + type + "'");
        }
        return kind;
    }

    /** Parsed here rather than by JAX-RS, which answers a bare 404 to a query parameter that is not a number. */
    static int wholeNumber(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the accepted range
        }
        throw new BadRequestException(name + " must be a whole number between " + min + " and " + max + "; got '" + text + "'");
    }

    /** {@code count} events of one kind, stamped now. */
    public synchronized List<Object> take(EventKind kind, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return IntStream.range(0, count)
                .mapToObj(i -> kind == EventKind.SERVER_METRIC ? fleet.sampleAt(now) : world.next(kind, now))
                .map(GeneratedEvent::event).toList();
    }
}
