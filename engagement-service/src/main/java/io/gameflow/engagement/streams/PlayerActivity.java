package io.gameflow.engagement.streams;

import io.gameflow.streams.support.time.TaskTime;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.PlayerTracker;
import io.gameflow.engagement.domain.SessionStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Per player (the input key): sessions, position, stuck and drop-off, as {@link PlayerTracker} defines them, with
 * the states in {@value EngagementTopology.PLAYER_STATE_STORE}. Sessions that see no event for the session gap are ended
 * by a punctuation that reads an index ordered by expiry time ({@value EngagementTopology#SESSION_EXPIRY_STORE}), so
 * it touches only the sessions due, not every player.
 *
 * <p>"Now" is the task's {@link TaskTime}: the latest event time, carried on by the wall clock when nothing arrives,
 * so that the last sessions of a quiet game still end, and never ahead of the wall clock (docs/time.md). Alerts carry the input's record time, never an event time the broker might
 * refuse as too far ahead.
 */
final class PlayerActivity implements Processor<String, PlayerAction, String, EngagementAlert> {

    private static final String COUNTS_KEY = "session-counts";
    private static final String SAMPLE_KEY_PREFIX = "session-sample-";

    private final PlayerTracker tracker;
    private final EngagementMeters meters;
    private final TaskTime time;
    private ProcessorContext<String, EngagementAlert> context;
    private KeyValueStore<String, PlayerState> players;
    private ExpiryIndex expiries;
    private KeyValueStore<String, SessionStats> sessions;
    private KeyValueStore<String, CellNow> cellsNow;

    PlayerActivity(PlayerTracker tracker, EngagementMeters meters) {
        this.tracker = tracker;
        this.meters = meters;
        this.time = new TaskTime(meters.latestEventTime());
    }

    @Override
    public void init(ProcessorContext<String, EngagementAlert> context) {
        this.context = context;
        this.players = context.getStateStore(EngagementTopology.PLAYER_STATE_STORE);
        this.expiries = new ExpiryIndex(context.getStateStore(EngagementTopology.SESSION_EXPIRY_STORE), "");
        this.sessions = context.getStateStore(EngagementTopology.SESSION_STATS_STORE);
        this.cellsNow = context.getStateStore(EngagementTopology.CELLS_NOW_STORE);
        time.start(context, Duration.ofSeconds(1), this::endQuietSessions);
    }

    @Override
    public void process(Record<String, PlayerAction> record) {
        PlayerAction action = record.value();
        PlayerState state = players.get(record.key());
        time.observe(action.eventTimeMs());
        PlayerTracker.Step step = tracker.onAction(state, action);
        step.ended().forEach(this::sessionEnded);
        if (state == null || !state.open() || !step.ended().isEmpty()) {
            sessionOpened();
        }
        step.alerts().forEach(alert -> send(alert, record.timestamp()));
        moveInCellsNow(state != null && state.open() ? state : null, step.state());
        // an open session's index entry stays where it is (a session's end only moves later); the sweep moves it on
        if (state == null || !state.open() || !step.ended().isEmpty()) {
            expiries.add(tracker.expiresAt(step.state()), action.playerId());
        }
        players.put(record.key(), step.state());
    }

    private void endQuietSessions(long now, long wallNow) {
        for (String playerId : expiries.takeDue(now)) {
            PlayerState state = players.get(playerId);
            if (state == null || !state.open()) {
                continue;
            }
            if (!tracker.expired(state, now)) {
                expiries.add(tracker.expiresAt(state), playerId);
            } else {
                PlayerTracker.SessionEnd end = tracker.end(state);
                sessionEnded(end);
                if (end.dropOff() != null) {
                    send(end.dropOff(), wallNow);
                }
                players.put(playerId, state.closed());
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

    private void send(EngagementAlert alert, long recordTime) {
        meters.alert(alert);
        context.forward(new Record<>(alert.playerId(), alert, recordTime));
    }
}
