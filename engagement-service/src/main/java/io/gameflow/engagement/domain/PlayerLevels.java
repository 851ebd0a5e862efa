package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels one player has entered (with the event time of their first event there) and completed, and the level
 * steps a new event makes: entering a level for the first time, completing it for the first time.
 */
@RegisterForReflection
public record PlayerLevels(Map<String, Long> entered, List<String> completed) {

    public static final PlayerLevels NONE = new PlayerLevels(Map.of(), List.of());

    /** The step of one event; an event that changes nothing returns these very levels, which need no write. */
    public Step on(PlayerAction action) {
        String level = action.levelId();
        Long since = entered.get(level);
        boolean completes = action.completesLevel() && !completed.contains(level);
        if (since != null && action.eventTimeMs() >= since && !completes) {
            return new Step(this, List.of());
        }
        Map<String, Long> enteredNow = new HashMap<>(entered);
        List<String> completedNow = new ArrayList<>(completed);
        List<LevelEvent> steps = new ArrayList<>();
        if (since == null) {
            since = action.eventTimeMs();
            enteredNow.put(level, since);
            steps.add(new LevelEvent(level, action.playerId(), LevelEvent.ENTERED, 0));
        } else if (action.eventTimeMs() < since) {
            enteredNow.put(level, action.eventTimeMs());
        }
        if (completes) {
            completedNow.add(level);
            steps.add(new LevelEvent(level, action.playerId(), LevelEvent.COMPLETED,
                    Math.max(0, action.eventTimeMs() - enteredNow.get(level))));
        }
        return new Step(new PlayerLevels(Map.copyOf(enteredNow), List.copyOf(completedNow)), steps);
    }

    public record Step(PlayerLevels levels, List<LevelEvent> steps) {
    }
}
