package io.gameflow.engagement.streams.serde;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.streams.support.serde.CompactInput;
import io.gameflow.streams.support.serde.CompactOutput;
import io.gameflow.streams.support.serde.CompactSerde;

import java.io.IOException;
import java.util.Map;

/** Compact serdes of the store values read and written on (nearly) every event, and of the level/map deltas. */
public final class CompactSerdes {

    /** A player's parts, each after a presence flag: written and read once per event. */
    public static final CompactSerde<TrackedPlayer> TRACKED_PLAYER = new CompactSerde<>("TrackedPlayer", 2,
            (p, out) -> {
                if (out.present(p.session())) {
                    writeSession(p.session(), out);
                }
                if (out.present(p.active())) {
                    out.string(p.active().platform()).int64(p.active().lastSeen()).int32(p.active().countedIn());
                }
                out.longsByString(p.levels().entered()).strings(p.levels().completed());
                if (out.present(p.days())) {
                    out.int32(p.days().first()).int32(p.days().latest()).int64(p.days().bits());
                }
            },
            // version 1 had no KPI days: such a player is counted in the KPIs from their next event on
            (version, in) -> new TrackedPlayer(
                    in.bool() ? readSession(in) : null,
                    in.bool() ? new ActivePlayer(in.string(), in.int64(), in.int32()) : null,
                    new PlayerLevels(in.longsByString(), in.strings()),
                    version >= 2 && in.bool() ? new ActiveDays(in.int32(), in.int32(), in.int64()) : null));

    public static final CompactSerde<LevelMapStats> LEVEL_MAP_STATS = new CompactSerde<>("LevelMapStats", 1,
            (c, out) -> out.string(c.levelId()).string(c.mapId()).int64(c.events()).int64(c.players())
                    .int64(c.lastEventMs()).longsByString(c.eventsByType() == null ? Map.of() : c.eventsByType()),
            (version, in) -> new LevelMapStats(in.string(), in.string(), in.int64(), in.int64(), in.int64(),
                    in.longsByString()));

    private CompactSerdes() {
    }

    private static void writeSession(PlayerState p, CompactOutput out) throws IOException {
        out.string(p.playerId()).string(p.platform()).string(p.sessionId()).int64(p.sessionStart())
                .int64(p.lastEvent()).int64(p.sessionEvents()).string(p.levelId()).string(p.mapId())
                .int64(p.positionSince()).int64(p.eventsAtPosition()).bool(p.positionCompleted())
                .bool(p.stuckReported()).strings(p.completedLevels()).bool(p.open());
    }

    private static PlayerState readSession(CompactInput in) throws IOException {
        return new PlayerState(in.string(), in.string(), in.string(), in.int64(), in.int64(), in.int64(),
                in.string(), in.string(), in.int64(), in.int64(), in.bool(), in.bool(), in.strings(), in.bool());
    }
}
