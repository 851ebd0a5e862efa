package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Players in an open session whose position is this level and map now, and those of them reported stuck there. */
@RegisterForReflection
public record CellNow(String levelId, String mapId, long players, long stuck) {

    public CellNow plus(long morePlayers, long moreStuck) {
        return new CellNow(levelId, mapId, Math.max(0, players + morePlayers), Math.max(0, stuck + moreStuck));
    }

    public CellNow plus(CellNow other) {
        return plus(other.players, other.stuck);
    }
}
