package io.gameflow.generator.domain;

import java.util.List;

/**
 * The world of players: {@code players} known, {@code online} of them playing at any time, {@code levels} ×
 * {@code mapsPerLevel} maps, and the hotspots ({@code level_03/map_02}) whose difficulty is far out of band, where
 * a share {@code stuckShare} of the players who arrive get stuck.
 */
public record WorldSettings(long seed, int players, int online, int levels, int mapsPerLevel, List<String> hotspots,
                            double stuckShare) {

    public WorldSettings {
        if (players < 1 || online < 1 || levels < 1 || mapsPerLevel < 1) {
            throw new IllegalArgumentException("a world needs at least one player online, one level and one map");
        }
        if (online > players) {
            throw new IllegalArgumentException("online players (" + online + ") cannot outnumber known players (" + players + ")");
        }
        if (stuckShare < 0 || stuckShare > 1) {
            throw new IllegalArgumentException("stuck-share is a share between 0 and 1, got " + stuckShare);
        }
        hotspots = List.copyOf(hotspots);
    }

    /** A small world without hotspots, for tests of everything else. */
    public static WorldSettings plain(long seed, int players, int levels, int mapsPerLevel) {
        return new WorldSettings(seed, players, players, levels, mapsPerLevel, List.of(), 0);
    }
}
