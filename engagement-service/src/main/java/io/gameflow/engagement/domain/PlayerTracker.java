package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.rules.DropOffRule;
import io.gameflow.engagement.domain.rules.StuckRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and position on one player's events in event-time order, with the stuck ({@link StuckRule}) and drop-off
 * ({@link DropOffRule}) rules applied as docs/definitions.md says. Pure: the stream processor keeps the states and
 * sends the alerts.
 */
public final class PlayerTracker {

    private final EngagementSettings settings;
    private final StuckRule stuckRule;

    public PlayerTracker(EngagementSettings settings) {
        this.settings = settings;
        this.stuckRule = new StuckRule(settings.stuckMinEvents(), settings.stuckAfter());
    }

    /** The state after one more event, and what ended or started to hold with it. */
    public Step onAction(PlayerState state, PlayerAction action) {
        List<EngagementAlert> alerts = new ArrayList<>();
        List<SessionEnd> ended = new ArrayList<>();
        PlayerState next;
        if (state == null) {
            next = startSession(action, List.of());
        } else if (!state.open()) {
            next = startSession(action, state.completedLevels());
        } else if (isNewSession(state, action)) {
            SessionEnd end = end(state);
            ended.add(end);
            if (end.dropOff() != null) {
                alerts.add(end.dropOff());
            }
            next = startSession(action, state.completedLevels());
        } else {
            next = continueSession(state, action);
        }
        Optional<EngagementAlert> stuck = stuckRule.check(next, action.eventTimeMs());
        if (stuck.isPresent()) {
            alerts.add(stuck.get());
            next = with(next, true);
        }
        return new Step(next, alerts, ended);
    }

    /** True when the session of {@code state} has ended by {@code now} (no event for the session gap). */
    public boolean expired(PlayerState state, long now) {
        return now - state.lastEvent() >= settings.sessionGap().toMillis();
    }

    /** The moment the session of {@code state} ends if nothing else arrives. */
    public long expiresAt(PlayerState state) {
        return state.lastEvent() + settings.sessionGap().toMillis();
    }

    /** A session that ends: its length and events, and the drop-off it was if its level was not completed. */
    public SessionEnd end(PlayerState state) {
        EngagementAlert dropOff = DropOffRule.check(state).orElse(null);
        return new SessionEnd(state, state.lastEvent() - state.sessionStart(), state.sessionEvents(), dropOff);
    }

    private boolean isNewSession(PlayerState state, PlayerAction action) {
        return !state.sessionId().equals(action.sessionId())
                || action.eventTimeMs() - state.lastEvent() >= settings.sessionGap().toMillis();
    }

    /** A new session; the levels completed before stay completed. */
    private static PlayerState startSession(PlayerAction a, List<String> completedBefore) {
        List<String> completed = new ArrayList<>(completedBefore);
        if (a.completesLevel() && !completed.contains(a.levelId())) {
            completed.add(a.levelId());
        }
        return new PlayerState(a.playerId(), a.platform(), a.sessionId(), a.eventTimeMs(), a.eventTimeMs(), 1,
                a.levelId(), a.mapId(), a.eventTimeMs(), 1, a.completesLevel(), false, List.copyOf(completed), true);
    }

    private static PlayerState continueSession(PlayerState s, PlayerAction a) {
        boolean moved = !s.levelId().equals(a.levelId()) || !s.mapId().equals(a.mapId());
        List<String> completed = s.completedLevels();
        if (a.completesLevel() && !completed.contains(a.levelId())) {
            completed = new ArrayList<>(completed);
            completed.add(a.levelId());
        }
        // an out-of-order event (within the grace) counts, but never moves the player back in time
        long last = Math.max(s.lastEvent(), a.eventTimeMs());
        if (moved && a.eventTimeMs() >= s.lastEvent()) {
            return new PlayerState(s.playerId(), s.platform(), s.sessionId(), s.sessionStart(), last, s.sessionEvents() + 1,
                    a.levelId(), a.mapId(), a.eventTimeMs(), 1, a.completesLevel(), false, List.copyOf(completed), true);
        }
        boolean positionCompleted = s.positionCompleted() || (a.completesLevel() && a.levelId().equals(s.levelId()));
        return new PlayerState(s.playerId(), s.platform(), s.sessionId(), s.sessionStart(), last, s.sessionEvents() + 1,
                s.levelId(), s.mapId(), s.positionSince(), s.eventsAtPosition() + 1, positionCompleted, s.stuckReported(),
                List.copyOf(completed), true);
    }

    private static PlayerState with(PlayerState s, boolean stuckReported) {
        return new PlayerState(s.playerId(), s.platform(), s.sessionId(), s.sessionStart(), s.lastEvent(), s.sessionEvents(),
                s.levelId(), s.mapId(), s.positionSince(), s.eventsAtPosition(), s.positionCompleted(), stuckReported,
                s.completedLevels(), s.open());
    }

    /** The new state, the alerts to send, and the sessions that ended on the way. */
    public record Step(PlayerState state, List<EngagementAlert> alerts, List<SessionEnd> ended) {
    }

    public record SessionEnd(PlayerState state, long lengthMs, long events, EngagementAlert dropOff) {
    }
}
