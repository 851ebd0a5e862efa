package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * Sessions of the players one task holds: how many are open now, how many ended, and the length and events of the
 * latest {@value #KEPT} that ended, for their median and 95th percentile. The store keeps the counts under one key
 * and each sample under a key of its own, a slot of a ring of {@value #KEPT}, so that an event or a session's end
 * writes a few numbers instead of reading and writing every sample; summing all the entries gives the whole.
 */
@RegisterForReflection
public record SessionStats(long open, long ended, List<Long> lengthsMs, List<Long> events) {

    public static final int KEPT = 500;
    public static final SessionStats NONE = new SessionStats(0, 0, List.of(), List.of());

    /** One ended session's sample, as kept in its slot. */
    public static SessionStats sample(PlayerTracker.SessionEnd end) {
        return new SessionStats(0, 0, List.of(end.lengthMs()), List.of(end.events()));
    }

    /** The slot of the ring that the next ended session's sample overwrites. */
    public int nextSlot() {
        return (int) (ended % KEPT);
    }

    public SessionStats opened() {
        return new SessionStats(open + 1, ended, lengthsMs, events);
    }

    /** The counts after a session ended (its sample goes to its slot). */
    public SessionStats closed() {
        return new SessionStats(Math.max(0, open - 1), ended + 1, lengthsMs, events);
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
}
