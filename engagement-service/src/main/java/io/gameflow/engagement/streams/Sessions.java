package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.PlayerTracker;
import io.gameflow.engagement.domain.SessionStats;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.engagement.observability.EngagementMeters;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per player: sessions, position, stuck and drop-off, as {@link PlayerTracker} defines them. Sessions that see no
 * event for the session gap are ended by a sweep that reads an index ordered by expiry time
 * ({@value EngagementTopology#SESSION_EXPIRY_STORE}), so it touches only the sessions due, not every player. Part of
 * {@link PlayerAnalytics}, which reads and writes the player and sends the alerts.
 */
final class Sessions {

    /** Where the alerts of a step go, with the record time they carry. */
    interface Alerts {
        void send(EngagementAlert alert, long recordTime);
    }

    private static final String COUNTS_KEY = "session-counts";
    private static final String SAMPLE_KEY_PREFIX = "session-sample-";

    private final PlayerTracker tracker;
    private final EngagementMeters meters;
    private final KeyValueStore<String, TrackedPlayer> players;
    private final ExpiryIndex expiries;
    private final KeyValueStore<String, SessionStats> sessions;
    private final KeyValueStore<String, CellNow> cellsNow;

    Sessions(ProcessingContext context, KeyValueStore<String, TrackedPlayer> players, PlayerTracker tracker,
             EngagementMeters meters) {
        this.tracker = tracker;
        this.meters = meters;
        this.players = players;
        this.expiries = new ExpiryIndex(context.getStateStore(EngagementTopology.SESSION_EXPIRY_STORE), "");
        this.sessions = context.getStateStore(EngagementTopology.SESSION_STATS_STORE);
        this.cellsNow = context.getStateStore(EngagementTopology.CELLS_NOW_STORE);
    }

    /** The player's session and position after this event; its alerts go to {@code alerts} at {@code recordTime}. */
    PlayerState onEvent(PlayerState state, PlayerAction action, long recordTime, Alerts alerts) {
        PlayerTracker.Step step = tracker.onAction(state, action);
        step.ended().forEach(this::sessionEnded);
        if (state == null || !state.open() || !step.ended().isEmpty()) {
            sessionOpened();
        }
        step.alerts().forEach(alert -> alerts.send(alert, recordTime));
        moveInCellsNow(state != null && state.open() ? state : null, step.state());
        // an open session's index entry stays where it is (a session's end only moves later); the sweep moves it on
        if (state == null || !state.open() || !step.ended().isEmpty()) {
            expiries.add(tracker.expiresAt(step.state()), action.playerId());
        }
        return step.state();
    }

    /** Ends the sessions without an event for the session gap at {@code now}; drop-offs carry the wall clock. */
    void endQuietSessions(long now, long wallNow, Alerts alerts) {
        for (String playerId : expiries.takeDue(now)) {
            TrackedPlayer tracked = players.get(playerId);
            PlayerState state = tracked == null ? null : tracked.session();
            if (state == null || !state.open()) {
                continue;
            }
            if (!tracker.expired(state, now)) {
                expiries.add(tracker.expiresAt(state), playerId);
            } else {
                PlayerTracker.SessionEnd end = tracker.end(state);
                sessionEnded(end);
                if (end.dropOff() != null) {
                    alerts.send(end.dropOff(), wallNow);
                }
                players.put(playerId, tracked.withSession(state.closed()));
                moveInCellsNow(state, null);
            }
        }
    }

    /** Moves a player's presence (and stuck mark) from where they were to where they are; null is nowhere. */
    private void moveInCellsNow(PlayerState from, PlayerState to) {
        if (from != null && to != null && from.levelId().equals(to.levelId()) && from.mapId().equals(to.mapId())
                && from.stuckReported() == to.stuckReported()) {
            return;
        }
        if (from != null) {
            addToCell(from, -1, from.stuckReported() ? -1 : 0);
        }
        if (to != null) {
            addToCell(to, 1, to.stuckReported() ? 1 : 0);
        }
    }

    private void addToCell(PlayerState at, long players, long stuck) {
        String key = LevelMapKeys.cell(at.levelId(), at.mapId());
        CellNow now = cellsNow.get(key);
        cellsNow.put(key, (now == null ? new CellNow(at.levelId(), at.mapId(), 0, 0) : now).plus(players, stuck));
    }

    private void sessionEnded(PlayerTracker.SessionEnd end) {
        meters.sessionEnded(end);
        SessionStats counts = stored(COUNTS_KEY);
        sessions.put(SAMPLE_KEY_PREFIX + counts.nextSlot(), SessionStats.sample(end));
        sessions.put(COUNTS_KEY, counts.closed());
    }

    private void sessionOpened() {
        sessions.put(COUNTS_KEY, stored(COUNTS_KEY).opened());
    }

    /** Per task: the counts of its sessions under one key, and a ring of samples of those that ended. */
    private SessionStats stored(String key) {
        SessionStats stats = sessions.get(key);
        return stats == null ? SessionStats.NONE : stats;
    }
}
