package io.gameflow.generator.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The levels and maps, each with a difficulty: the chance that an attempt at it fails. Hotspots are far harder. */
public final class Levels {

    static final double HOTSPOT_DIFFICULTY = 0.8;

    private final int levels;
    private final int maps;
    private final double[][] difficulty;
    private final Set<String> hotspots;

    /** @throws IllegalArgumentException for a hotspot that is not {@code level_NN/map_NN} of this world */
    public Levels(WorldSettings settings, SplittableRandom random) {
        this.levels = settings.levels();
        this.maps = settings.mapsPerLevel();
        this.hotspots = new HashSet<>(settings.hotspots());
        this.difficulty = new double[levels + 1][maps + 1];
        for (int level = 1; level <= levels; level++) {
            for (int map = 1; map <= maps; map++) {
                difficulty[level][map] = 0.15 + random.nextDouble(0.15);
            }
        }
        for (String hotspot : hotspots) {
            int[] cell = parse(hotspot);
            difficulty[cell[0]][cell[1]] = HOTSPOT_DIFFICULTY;
        }
    }

    public int levels() {
        return levels;
    }

    public int maps() {
        return maps;
    }

    public double difficulty(int level, int map) {
        return difficulty[level][map];
    }

    public boolean isHotspot(int level, int map) {
        return hotspots.contains(cell(level, map));
    }

    public List<String> hotspots() {
        return hotspots.stream().sorted().toList();
    }

    public static String levelId(int level) {
        return String.format("level_%02d", level);
    }

    public static String mapId(int map) {
        return String.format("map_%02d", map);
    }

    static String cell(int level, int map) {
        return levelId(level) + "/" + mapId(map);
    }

    private int[] parse(String hotspot) {
        for (int level = 1; level <= levels; level++) {
            for (int map = 1; map <= maps; map++) {
                if (cell(level, map).equals(hotspot)) {
                    return new int[] {level, map};
                }
            }
        }
        throw new IllegalArgumentException("hotspot '" + hotspot + "' is not a map of this world: write level_NN/map_NN, "
                + "with at most " + levels + " levels and " + maps + " maps");
    }
}
