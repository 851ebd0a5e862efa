package io.gameflow.engagement.streams.serde;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.streams.support.serde.CompactSerde;

import java.util.Map;

/** Compact serdes of the store values read and written on (nearly) every event, and of the level/map deltas. */
public final class CompactSerdes {

    public static final CompactSerde<PlayerState> PLAYER_STATE = new CompactSerde<>("PlayerState", 1,
            (p, out) -> out.string(p.playerId()).string(p.platform()).string(p.sessionId()).int64(p.sessionStart())
                    .int64(p.lastEvent()).int64(p.sessionEvents()).string(p.levelId()).string(p.mapId())
                    .int64(p.positionSince()).int64(p.eventsAtPosition()).bool(p.positionCompleted())
                    .bool(p.stuckReported()).strings(p.completedLevels()).bool(p.open()),
            (version, in) -> new PlayerState(in.string(), in.string(), in.string(), in.int64(), in.int64(), in.int64(),
                    in.string(), in.string(), in.int64(), in.int64(), in.bool(), in.bool(), in.strings(), in.bool()));

    public static final CompactSerde<ActivePlayer> ACTIVE_PLAYER = new CompactSerde<>("ActivePlayer", 1,
            (p, out) -> out.string(p.platform()).int64(p.lastSeen()).int32(p.countedIn()),
            (version, in) -> new ActivePlayer(in.string(), in.int64(), in.int32()));

    public static final CompactSerde<PlayerLevels> PLAYER_LEVELS = new CompactSerde<>("PlayerLevels", 1,
            (p, out) -> out.longsByString(p.entered()).strings(p.completed()),
            (version, in) -> new PlayerLevels(in.longsByString(), in.strings()));

    public static final CompactSerde<LevelMapStats> LEVEL_MAP_STATS = new CompactSerde<>("LevelMapStats", 1,
            (c, out) -> out.string(c.levelId()).string(c.mapId()).int64(c.events()).int64(c.players())
                    .int64(c.lastEventMs()).longsByString(c.eventsByType() == null ? Map.of() : c.eventsByType()),
            (version, in) -> new LevelMapStats(in.string(), in.string(), in.int64(), in.int64(), in.int64(),
                    in.longsByString()));

    private CompactSerdes() {
    }
}
