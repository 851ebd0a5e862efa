package io.gameflow.engagement.domain;

import io.gameflow.engagement.config.ShippedConfig;
import io.gameflow.events.PlayerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions, position, stuck and drop-off of one player at the boundaries of the default settings. */
class PlayerTrackerTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long GAP = ShippedConfig.engagement().sessionGap().toMillis();
    private final PlayerTracker tracker = new PlayerTracker(ShippedConfig.engagement().settings());

    private static PlayerAction action(String session, String type, String level, String map, long time) {
        return new PlayerAction("p1", session, type, level, map, "PC", time);
    }

    private static PlayerAction move(String level, long time) {
        return action("s1", "move", level, "map_01", time);
    }

    private PlayerState after(PlayerAction... actions) {
        PlayerState state = null;
        for (PlayerAction action : actions) {
            state = tracker.onAction(state, action).state();
        }
        return state;
    }

    private static List<String> types(List<EngagementAlert> alerts) {
        return alerts.stream().map(EngagementAlert::type).toList();
    }

    @ParameterizedTest(name = "next event {0} ms after the latest: new session {1}")
    @CsvSource({"299999, false", "300000, true", "300001, true"})
    void aSessionEndsAtTheGap(long after, boolean newSession) {
        PlayerState state = after(move("level_01", T0));
        PlayerTracker.Step step = tracker.onAction(state, move("level_01", T0 + after));
        assertEquals(newSession, !step.ended().isEmpty());
        assertEquals(newSession ? 1 : 2, step.state().sessionEvents());
        assertEquals(newSession ? List.of(EngagementAlert.DROPPED_OFF) : List.of(), types(step.alerts()));
    }

    @Test
    void anotherSessionIdEndsTheSessionAtOnce() {
        PlayerState state = after(move("level_01", T0), move("level_01", T0 + 4_000));
        PlayerTracker.Step step = tracker.onAction(state, action("s2", "move", "level_01", "map_01", T0 + 5_000));
        PlayerTracker.SessionEnd end = step.ended().get(0);
        assertEquals(4_000, end.lengthMs());
        assertEquals(2, end.events());
        assertEquals("s2", step.state().sessionId());
    }

    @ParameterizedTest(name = "{0} ms after the latest event: expired {1}")
    @CsvSource({"299999, false", "300000, true"})
    void expiresByTheClockAtTheGap(long after, boolean expired) {
        PlayerState state = after(move("level_01", T0));
        assertEquals(expired, tracker.expired(state, T0 + after));
        assertEquals(T0 + GAP, tracker.expiresAt(state));
    }

    @Test
    void aSessionEndingOnACompletedLevelIsNoDropOff() {
        PlayerState state = after(move("level_01", T0), action("s1", PlayerEvent.LEVEL_COMPLETE, "level_01", "map_01", T0 + 1));
        assertEquals(null, tracker.end(state).dropOff());
        assertEquals(EngagementAlert.DROPPED_OFF, tracker.end(after(move("level_02", T0))).dropOff().type());
    }

    @Test
    void completedLevelsOutliveTheSession() {
        PlayerState state = after(action("s1", PlayerEvent.LEVEL_COMPLETE, "level_01", "map_01", T0),
                action("s2", "move", "level_01", "map_01", T0 + 1_000));
        assertTrue(state.completed("level_01"));
        assertEquals(null, tracker.end(state).dropOff());
    }

    @Test
    void stuckIsReportedOncePerPositionAndAgainAfterAMove() {
        PlayerState state = null;
        int stuckAlerts = 0;
        // ten events 20 s apart: the tenth is 180 s after the first
        for (int i = 0; i < 12; i++) {
            PlayerTracker.Step step = tracker.onAction(state, move("level_01", T0 + i * 20_000L));
            stuckAlerts += types(step.alerts()).contains(EngagementAlert.STUCK) ? 1 : 0;
            assertEquals(i >= 9, step.state().stuckReported(), "event " + (i + 1));
            state = step.state();
        }
        assertEquals(1, stuckAlerts);
        PlayerState moved = tracker.onAction(state, move("level_02", T0 + 240_001)).state();
        assertFalse(moved.stuckReported());
        assertEquals(1, moved.eventsAtPosition());
    }

    @Test
    void anOlderEventElsewhereCountsButDoesNotMove() {
        PlayerState state = after(move("level_02", T0 + 10_000), move("level_01", T0 + 5_000));
        assertEquals("level_02", state.levelId());
        assertEquals(2, state.sessionEvents());
        assertEquals(T0 + 10_000, state.lastEvent());
        assertEquals(2, state.eventsAtPosition());
    }
}
