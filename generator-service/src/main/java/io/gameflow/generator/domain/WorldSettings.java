package io.gameflow.generator.domain;

/** The size of the simulated world of players. */
public record WorldSettings(long seed, int players, int levels, int mapsPerLevel) {

    public WorldSettings {
        if (players < 1 || levels < 1 || mapsPerLevel < 1) {
            throw new IllegalArgumentException("a world needs at least one player, level and map");
        }
    }
}
