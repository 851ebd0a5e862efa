package io.gameflow.generator.domain;

import java.util.List;

/** The size of the simulated world. */
public record WorldSettings(long seed, int players, int levels, int mapsPerLevel, int servers, List<String> regions) {

    public WorldSettings {
        if (players < 1 || levels < 1 || mapsPerLevel < 1 || servers < 1 || regions.isEmpty()) {
            throw new IllegalArgumentException("a world needs at least one player, level, map, server and region");
        }
    }
}
