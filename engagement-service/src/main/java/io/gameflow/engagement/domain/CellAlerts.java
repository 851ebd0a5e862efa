package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * The alerts of one level and map since the start of the state: players found stuck there, and sessions that ended
 * there on an uncompleted level (drop-offs). Each task counts its own players, so a cell's counts add up over tasks.
 */
@RegisterForReflection
public record CellAlerts(String levelId, String mapId, long stuck, long dropOffs) {

    public static CellAlerts none(String levelId, String mapId) {
        return new CellAlerts(levelId, mapId, 0, 0);
    }

    /** The counts of a cell in a map by cell key ({@link LevelMapKeys#cell}), none when it has no alert. */
    public static CellAlerts at(Map<String, CellAlerts> byCell, String levelId, String mapId) {
        CellAlerts counted = byCell.get(LevelMapKeys.cell(levelId, mapId));
        return counted == null ? none(levelId, mapId) : counted;
    }

    public CellAlerts plus(EngagementAlert alert) {
        boolean stuckAlert = EngagementAlert.STUCK.equals(alert.type());
        return new CellAlerts(levelId, mapId, stuck + (stuckAlert ? 1 : 0), dropOffs + (stuckAlert ? 0 : 1));
    }

    public CellAlerts plus(CellAlerts other) {
        return new CellAlerts(levelId, mapId, stuck + other.stuck, dropOffs + other.dropOffs);
    }
}
