package io.gameflow.generator.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "gameflow.generator")
public interface GeneratorConfig {

    /** Where events go: {@code kafka} (straight to the topics), {@code http} (to ingest-service) or {@code none}. */
    OutputMode mode();

    /** Start producing at boot. */
    boolean autostart();

    /** Player events (actions and purchases) per second of event time. */
    double rate();

    /** How much faster than the wall clock event time runs (60: an hour of play in a minute). */
    double clockSpeed();

    /** Faster than 1, the clock plays through the recent past for this long and then runs with the wall clock. */
    Duration fastClockFor();

    /** Seed of the world: the same seed and configuration give the same events. */
    long seed();

    /** Players known from the start, who play every day (0: the game launches with the run). */
    int players();

    /** At most this many of the day's active players play at any time: when one logs out, another logs in. */
    int online();

    /** Installs per day and the churn curve. */
    Population population();

    /** Maps far harder than the rest, as level_NN/map_NN. */
    List<String> hotspots();

    /** The share of the players arriving at a hotspot who get stuck there. */
    double stuckShare();

    int levels();

    int mapsPerLevel();

    int servers();

    List<String> regions();

    /** How often each server reports, in event time. */
    Duration serverReportEvery();

    /** Time between two planted server incidents, in event time; each lasts a fixed share of it. */
    Duration incidentEvery();

    /** How many fraud actors buy among the honest players (patterns in turn: burst, currency hopping, refunds). */
    int fraudActors();

    /** Time between two rounds of one fraud actor's pattern, in event time. */
    Duration fraudEvery();

    Admin admin();

    /** How events reach ingest-service in {@code http} mode. */
    Http http();

    /** How events reach the topics in {@code kafka} mode. */
    Kafka kafka();

    interface Kafka {

        /**
         * Events handed to the Kafka emitters and not yet acknowledged beyond which the generator sends no more: below
         * the emitters' buffer ({@code mp.messaging.emitter.default-buffer-size}), so that no send is refused.
         */
        int maxInFlight();
    }

    interface Population {

        /** Players who install each day (a calendar day of event time in the zone). */
        int installsPerDay();

        /** The share of a day's installs who play again the next day. */
        double d1Retention();

        /** A player plays on day n after install with probability d1-retention × n^-decay (1 ≤ n ≤ 30). */
        double decay();

        /** The time zone of the days: installs, churn and the truth's KPIs. Any java.time zone id. */
        String zone();
    }

    interface Admin {

        /** Off only for a generator anyone may start, stop and pace. */
        boolean enabled();

        /** The key of the control endpoints, in X-Admin-Key. */
        Optional<String> key();
    }

    interface Http {

        /** ingest-service's base URL; batches go to {@code <url>/v1/events}. */
        URI url();

        /** Sent as X-API-Key for whichever kind has no key of its own below; ingest refuses requests without one unless its auth is off. */
        Optional<String> apiKey();

        /** The key player and purchase events are posted with: one of ingest's keys with the client scope. */
        Optional<String> clientApiKey();

        /** The key server metrics are posted with: one of ingest's keys with the server scope. */
        Optional<String> serverApiKey();

        /** Events per request, at most ingest's 1,000. */
        int batchSize();

        /** Events waiting to be sent beyond which the generator holds back instead of piling more up. */
        int buffer();

        /** How long one request may take before it is sent again. */
        Duration timeout();

        /** The longest wait between two tries of a batch, whatever Retry-After says. */
        Duration maxBackoff();
    }

    enum OutputMode { KAFKA, HTTP, NONE }
}
