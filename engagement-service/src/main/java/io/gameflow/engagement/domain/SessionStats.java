package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * Sessions of the players one task holds: how many are open now, how many ended, and the length and events of the
 * latest {@value #KEPT} that ended, for their median and 95th percentile. The store keeps the counts and the samples
 * under two keys, so that a session that starts (every new player's first event) writes two numbers, not the samples.
 */
@RegisterForReflection
public record SessionStats(long open, long ended, List<Long> lengthsMs, List<Long> events) {

    static final int KEPT = 500;
    public static final SessionStats NONE = new SessionStats(0, 0, List.of(), List.of());

    /** Only the counts, as kept under their own key. */
    public SessionStats counts() {
        return new SessionStats(open, ended, List.of(), List.of());
    }

    /** Only the samples, as kept under their own key. */
    public SessionStats samples() {
        return new SessionStats(0, 0, lengthsMs, events);
    }

    public SessionStats opened() {
        return new SessionStats(open + 1, ended, lengthsMs, events);
    }

    public SessionStats closed(PlayerTracker.SessionEnd end) {
        return new SessionStats(Math.max(0, open - 1), ended + 1, keep(lengthsMs, end.lengthMs()), keep(events, end.events()));
    }

    /** Two tasks' or instances' sessions together. */
    public SessionStats plus(SessionStats other) {
        List<Long> lengths = new ArrayList<>(lengthsMs);
        lengths.addAll(other.lengthsMs);
        List<Long> counts = new ArrayList<>(events);
        counts.addAll(other.events);
        return new SessionStats(open + other.open, ended + other.ended, lengths, counts);
    }

    /** The q-quantile (nearest rank) of some values; null when there are none. */
    public static Long quantile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }

    private static List<Long> keep(List<Long> latest, long value) {
        List<Long> kept = new ArrayList<>(latest);
        kept.add(value);
        while (kept.size() > KEPT) {
            kept.remove(0);
        }
        return List.copyOf(kept);
    }
}
