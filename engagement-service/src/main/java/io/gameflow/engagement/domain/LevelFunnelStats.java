package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of the funnel: distinct players who played it, those who completed it (DESIGN.md: completion rate =
 * completions ÷ players), drop-offs (sessions that ended on it uncompleted) and the times to complete it, of which
 * the latest {@value #KEPT} are kept for the median and 95th percentile.
 */
@RegisterForReflection
public record LevelFunnelStats(String levelId, long players, long completions, long dropOffs, List<Long> durationsMs) {

    static final int KEPT = 10_000;

    public static LevelFunnelStats empty(String levelId) {
        return new LevelFunnelStats(levelId, 0, 0, 0, List.of());
    }

    public LevelFunnelStats plus(LevelEvent event) {
        return switch (event.kind()) {
            case LevelEvent.ENTERED -> new LevelFunnelStats(levelId, players + 1, completions, dropOffs, durationsMs);
            case LevelEvent.DROPPED -> new LevelFunnelStats(levelId, players, completions, dropOffs + 1, durationsMs);
            case LevelEvent.COMPLETED -> {
                List<Long> durations = new ArrayList<>(durationsMs);
                durations.add(event.durationMs());
                if (durations.size() > KEPT) {
                    durations.remove(0);
                }
                yield new LevelFunnelStats(levelId, players, completions + 1, dropOffs, List.copyOf(durations));
            }
            default -> this;
        };
    }

    public double completionRate() {
        return players == 0 ? 0 : (double) completions / players;
    }

    public double dropOffRate() {
        return players == 0 ? 0 : (double) dropOffs / players;
    }

    /** The q-quantile (nearest rank) of the kept times to complete, in ms; null without completions. */
    public Long durationQuantile(double q) {
        if (durationsMs.isEmpty()) {
            return null;
        }
        List<Long> sorted = durationsMs.stream().sorted().toList();
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }
}
