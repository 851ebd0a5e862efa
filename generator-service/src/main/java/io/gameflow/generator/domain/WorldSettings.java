package io.gameflow.generator.domain;

import java.util.List;

/**
 * The world of players: {@code players} known from the start and active every day (0: the game launches with the
 * run), the players who install day by day and come back by the churn curve ({@code population}), at most
 * {@code online} of the day's active players playing at any time, {@code levels} × {@code mapsPerLevel} maps, and the
 * hotspots ({@code level_03/map_02}) whose difficulty is far out of band, where a share {@code stuckShare} of the
 * players who arrive get stuck.
 */
public record WorldSettings(long seed, int players, int online, int levels, int mapsPerLevel, List<String> hotspots,
                            double stuckShare, PopulationSettings population) {

    /** Players known from the start are kept all the time: more than this is a typo. */
    public static final int MAX_PLAYERS = 1_000_000;

    public WorldSettings {
        if (players < 0 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_PLAYERS (gameflow.generator.players) must be 0 to "
                    + MAX_PLAYERS + ", got " + players);
        }
        if (online < 1) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_ONLINE (gameflow.generator.online) must be at least 1, got " + online);
        }
        if (levels < 1 || mapsPerLevel < 1) {
            throw new IllegalArgumentException("a world needs at least one level and one map: GAMEFLOW_GENERATOR_LEVELS is "
                    + levels + ", GAMEFLOW_GENERATOR_MAPS_PER_LEVEL " + mapsPerLevel);
        }
        if (players == 0 && population.installsPerDay() == 0) {
            throw new IllegalArgumentException("nobody would play: set GAMEFLOW_GENERATOR_PLAYERS or "
                    + "GAMEFLOW_GENERATOR_POPULATION_INSTALLS_PER_DAY above 0");
        }
        if (stuckShare < 0 || stuckShare > 1) {
            throw new IllegalArgumentException("GAMEFLOW_GENERATOR_STUCK_SHARE (gameflow.generator.stuck-share) is a share "
                    + "between 0 and 1, got " + stuckShare);
        }
        hotspots = List.copyOf(hotspots);
    }

    /** A world of known players, every one of them active every day, without installs. */
    public WorldSettings(long seed, int players, int online, int levels, int mapsPerLevel, List<String> hotspots,
                         double stuckShare) {
        this(seed, players, online, levels, mapsPerLevel, hotspots, stuckShare, PopulationSettings.none());
    }

    /** A small world without hotspots or installs, all players online, for tests of everything else. */
    public static WorldSettings plain(long seed, int players, int levels, int mapsPerLevel) {
        return new WorldSettings(seed, players, players, levels, mapsPerLevel, List.of(), 0);
    }
}
