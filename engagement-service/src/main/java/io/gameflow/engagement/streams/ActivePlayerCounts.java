package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.TrackedPlayer;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact counts of active players per window and platform, kept up to date as events arrive and as time passes:
 * a player enters a window's count with an event inside it and leaves it when the stream time passes their latest
 * event plus the window. Leaving is found through an index ordered by that moment
 * ({@value EngagementTopology#ACTIVE_EXPIRY_STORE}), so each step touches only the players that change, and a
 * million players cost a million small entries on disk, not memory. A counted player's entry is not moved on each of
 * their events (that was two index writes, two changelog records, per window and event): it may fall due early, and
 * the sweep then moves it to the player's latest event plus the window. The count changes at the same moment. Counts
 * are per task; the tasks hold disjoint players, so the service's counts are their sums. Part of
 * {@link PlayerAnalytics}, which reads and writes the player.
 */
final class ActivePlayerCounts {

    private static final long SWEEP_EVERY_MS = 1000;

    private final KeyValueStore<String, TrackedPlayer> players;
    /** One index per window, in one store: "window|" prefixes. */
    private final List<ExpiryIndex> expiries = new ArrayList<>();
    private final KeyValueStore<String, Long> counts;
    private long lastSweep = Long.MIN_VALUE / 2;

    ActivePlayerCounts(ProcessingContext context, KeyValueStore<String, TrackedPlayer> players) {
        this.players = players;
        KeyValueStore<String, String> expiryStore = context.getStateStore(EngagementTopology.ACTIVE_EXPIRY_STORE);
        for (int w = 0; w < ActiveWindows.WINDOWS.size(); w++) {
            expiries.add(new ExpiryIndex(expiryStore, w + "|"));
        }
        this.counts = context.getStateStore(EngagementTopology.ACTIVE_COUNTS_STORE);
    }

    /** The player after this event: counted in every window the event is inside of. */
    ActivePlayer onEvent(String playerId, ActivePlayer before, PlayerAction action, long now) {
        String platform = ActiveWindows.platformOf(action.platform());
        long lastSeen = before == null ? action.eventTimeMs() : Math.max(before.lastSeen(), action.eventTimeMs());
        ActivePlayer player = new ActivePlayer(before == null ? platform : before.platform(), lastSeen,
                before == null ? 0 : before.countedIn());
        for (int w = 0; w < ActiveWindows.WINDOWS.size(); w++) {
            long window = ActiveWindows.WINDOWS.get(w).toMillis();
            // a counted player keeps their index entry: the sweep finds it due, sees the later event and moves it on
            if (!player.countedIn(w) && lastSeen + window > now) {
                expiries.get(w).add(lastSeen + window, playerId);
                player = player.with(w, true);
                add(w, player.platform(), 1);
            }
        }
        return player;
    }

    /** After an event was stored: sweeping takes four range scans, so once per second of stream time, not per event. */
    void sweepIfDue(long now) {
        if (now - lastSweep >= SWEEP_EVERY_MS) {
            expire(now);
        }
    }

    /** Takes out of each window's count the players whose latest event is a window or more before {@code now}. */
    void expire(long now) {
        lastSweep = now;
        for (int w = 0; w < ActiveWindows.WINDOWS.size(); w++) {
            long window = ActiveWindows.WINDOWS.get(w).toMillis();
            for (String playerId : expiries.get(w).takeDue(now)) {
                TrackedPlayer tracked = players.get(playerId);
                ActivePlayer player = tracked == null ? null : tracked.active();
                if (player == null || !player.countedIn(w)) {
                    continue;
                }
                if (player.lastSeen() + window > now) {
                    expiries.get(w).add(player.lastSeen() + window, playerId);
                } else {
                    players.put(playerId, tracked.withActive(player.with(w, false)));
                    add(w, player.platform(), -1);
                }
            }
        }
    }

    private void add(int window, String platform, long delta) {
        for (String key : List.of(ActiveWindows.countKey(window, platform), ActiveWindows.countKey(window, ActiveWindows.ALL))) {
            Long count = counts.get(key);
            counts.put(key, (count == null ? 0 : count) + delta);
        }
    }
}
