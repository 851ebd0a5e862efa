package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.rules.DropOffRule;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One level of the funnel: distinct players who played it, those who completed it (docs/definitions.md: completion rate =
 * completions ÷ players), drop-offs (sessions that ended on it uncompleted) and the times to complete it, of which
 * the latest {@value #KEPT} are kept for the median and 95th percentile. The store keeps the counts under the
 * level's key and each time to complete in a slot of its own (see {@code LevelFunnel}); answers put them together.
 */
@RegisterForReflection
public record LevelFunnelStats(String levelId, long players, long completions, long dropOffs, List<Long> durationsMs) {

    public static final int KEPT = 10_000;

    public static LevelFunnelStats empty(String levelId) {
        return new LevelFunnelStats(levelId, 0, 0, 0, List.of());
    }

    public LevelFunnelStats plus(LevelEvent event) {
        return switch (event.kind()) {
            case LevelEvent.ENTERED -> new LevelFunnelStats(levelId, players + 1, completions, dropOffs, durationsMs);
            case LevelEvent.DROPPED -> new LevelFunnelStats(levelId, players, completions, dropOffs + 1, durationsMs);
            case LevelEvent.COMPLETED -> new LevelFunnelStats(levelId, players, completions + 1, dropOffs, durationsMs);
            default -> this;
        };
    }

    /** The slot of the ring of kept times to complete that the next completion overwrites. */
    public int nextSlot() {
        return (int) (completions % KEPT);
    }

    public LevelFunnelStats withDurations(List<Long> kept) {
        return new LevelFunnelStats(levelId, players, completions, dropOffs, List.copyOf(kept));
    }

    public double completionRate() {
        return players == 0 ? 0 : (double) completions / players;
    }

    public double dropOffRate() {
        return DropOffRule.rate(dropOffs, players);
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
