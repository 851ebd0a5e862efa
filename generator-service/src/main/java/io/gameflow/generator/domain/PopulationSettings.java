package io.gameflow.generator.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How players arrive and return: each simulated day (a calendar day in {@code zone}) {@code installsPerDay} players
 * install, and a player of install day c is active on day c+n with probability {@link #retention(int)}: 1 on day 0,
 * {@code d1Retention × n^-decay} for 1 ≤ n ≤ {@value #LAST_ACTIVE_DAY}, 0 after. Checked at start: a setting that cannot
 * be meant stops the service with a message naming its environment variable.
 */
public record PopulationSettings(int installsPerDay, double d1Retention, double decay, ZoneId zone) {

    /** The last day after install on which a player may still play; after it they are forgotten. */
    public static final int LAST_ACTIVE_DAY = 30;
    /** More installs a day than this is a typo, and the day's players would not fit in memory. */
    public static final int MAX_INSTALLS_PER_DAY = 100_000;
    static final double MAX_DECAY = 10;

    public PopulationSettings {
        if (installsPerDay < 0 || installsPerDay > MAX_INSTALLS_PER_DAY) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_POPULATION_INSTALLS_PER_DAY "
                    + "(gameflow.generator.population.installs-per-day) must be 0 to " + MAX_INSTALLS_PER_DAY + ", got " + installsPerDay);
        }
        if (!(d1Retention >= 0 && d1Retention <= 1)) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_POPULATION_D1_RETENTION "
                    + "(gameflow.generator.population.d1-retention) is a share between 0 and 1, got " + d1Retention);
        }
        if (!(decay >= 0 && decay <= MAX_DECAY)) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_POPULATION_DECAY (gameflow.generator.population.decay) "
                    + "is the exponent of r(n) = d1 × n^-decay, 0 to " + MAX_DECAY + ", got " + decay);
        }
        if (zone == null) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_POPULATION_ZONE (gameflow.generator.population.zone) must be set");
        }
    }

    /** @throws IllegalArgumentException naming GAMEFLOW_GENERATOR_POPULATION_ZONE for a zone java.time does not know */
    public static PopulationSettings of(int installsPerDay, double d1Retention, double decay, String zone) {
        return new PopulationSettings(installsPerDay, d1Retention, decay, zoneOf(zone));
    }

    /** No installs: only the players known from the start, in UTC days. */
    public static PopulationSettings none() {
        return new PopulationSettings(0, 0, 0, ZoneOffset.UTC);
    }

    /** The chance that a player plays on day {@code n} after their install day. */
    public double retention(int n) {
        if (n == 0) {
            return 1;
        }
        if (n < 0 || n > LAST_ACTIVE_DAY) {
            return 0;
        }
        return d1Retention * Math.pow(n, -decay);
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_POPULATION_ZONE (gameflow.generator.population.zone) "
                    + "must be a time zone such as UTC, Europe/Berlin or +05:30, got '" + zone + "': " + e.getMessage());
        }
    }
}
