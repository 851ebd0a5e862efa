package io.gameflow.engagement.streams;

import io.gameflow.streams.support.trace.RecordTracing;
import io.gameflow.streams.support.serde.JsonSerdes;
import io.gameflow.streams.support.input.Reading;
import io.gameflow.streams.support.input.ReadInput;
import io.gameflow.streams.support.input.InputReader;
import io.gameflow.streams.support.input.DeadLetters;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.CellAlerts;
import io.gameflow.engagement.domain.CellNow;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.EngagementSettings;
import io.gameflow.engagement.domain.LevelEvent;
import io.gameflow.engagement.domain.LevelFunnelStats;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerTracker;
import io.gameflow.engagement.domain.SessionStats;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.engagement.streams.serde.CompactSerdes;
import io.gameflow.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;

/**
 * {@code player-events} to engagement (and, by {@link PurchaseTopology}, {@code purchase-events} to fraud findings),
 * top to bottom:
 * <ol>
 *   <li>read each record, at the time it counts ({@link InputTime}); what cannot be used goes, as received, to {@value #DEAD_LETTERS} with the reason;</li>
 *   <li>per player (the input key), in one processor and one read and write of the player ({@link PlayerAnalytics}):
 *   admit events that are neither late (beyond the grace behind the player's latest) nor a duplicate event_id; count
 *   active players per window and platform; sessions, position, stuck and drop-off, with alerts to {@value #ALERTS},
 *   counted per level and map in {@value #CELL_ALERTS_STORE}; the levels entered and completed; the daily studio
 *   KPIs of the player's days, sessions and playtime, in {@value #ACTIVE_COUNTS_STORE};</li>
 *   <li>per level (re-keyed by level): players entering, completing (and how long it took) and dropping off;</li>
 *   <li>per level and map: each task's events and new players per cell, combined over a commit interval, then
 *   re-keyed by cell and added up.</li>
 * </ol>
 * Processor and topic names are fixed, because Kafka Streams derives internal topic names from them and a
 * generated name that shifts with a code change would orphan the state of a running deployment.
 */
public final class EngagementTopology {

    /** Cell key ({@link LevelMapKeys#cell}) -> {@link LevelMapStats}; queried by the REST API. */
    public static final String STATS_STORE = "level-map-stats";
    /** Player-on-cell key ({@link LevelMapKeys#player}) -> 1 once the player has had an event on the cell; by player. */
    public static final String CELL_PLAYERS_STORE = "level-map-players";
    /** Cell key -> {@link LevelMapStats} of this task's events since the deltas were last sent; by player. */
    public static final String CELL_DELTAS_STORE = "level-map-deltas";
    /** player_id -> {@link TrackedPlayer}: the session and position, the active windows and the levels of a player. */
    public static final String PLAYERS_STORE = "players";
    /** "expiry ms|player_id" -> player_id: the open sessions by the time they end if nothing arrives. */
    public static final String SESSION_EXPIRY_STORE = "session-expiry";
    /** "sessions" -> {@link SessionStats} of the task's players. */
    public static final String SESSION_STATS_STORE = "session-stats";
    /** Cell key -> {@link CellNow} of the task's players. */
    public static final String CELLS_NOW_STORE = "cells-now";
    /** Cell key -> {@link CellAlerts} of the task's players: stuck and drop-off alerts; queried by the REST API. */
    public static final String CELL_ALERTS_STORE = "cell-alerts";
    /** event_id -> event time, for the dedupe window. */
    public static final String EVENT_IDS_STORE = "player-event-ids";
    /** "window|expiry ms|player_id" -> player_id: when each counted player leaves each window. */
    public static final String ACTIVE_EXPIRY_STORE = "active-expiry";
    /**
     * "window|platform" (or "window|all") -> active players of this task; and the task's daily player figures of the
     * studio KPIs ({@link io.gameflow.engagement.domain.kpi.KpiKeys}), which add no changelog of their own.
     */
    public static final String ACTIVE_COUNTS_STORE = "active-counts";
    /** level_id -> {@link LevelFunnelStats}; queried by the REST API. */
    public static final String LEVEL_FUNNEL_STORE = "level-funnel";
    /** "length:level_id|slot" -> a time to complete the level, in ms: a ring of the latest, {@link LevelFunnel}. */
    public static final String LEVEL_DURATIONS_STORE = "level-durations";
    public static final String ALERTS = Topics.ENGAGEMENT_ALERTS;
    public static final String DEAD_LETTERS = Topics.dlq(Topics.PLAYER_EVENTS);
    static final String DELTAS_REPARTITION = "level-map-deltas";

    private EngagementTopology() {
    }

    /** Untraced, for topology tests and tools. */
    public static Topology build(EngagementSettings settings, FraudRules fraudRules, InputTime time, EngagementMeters meters) {
        return build(settings, fraudRules, time, meters, RecordTracing.OFF);
    }

    /** @param tracing continues the traces records carry through the processors that raise alerts */
    public static Topology build(EngagementSettings settings, FraudRules fraudRules, InputTime time, EngagementMeters meters,
                                 RecordTracing tracing) {
        StreamsBuilder builder = new StreamsBuilder();
        PurchaseTopology.addTo(builder, fraudRules, time, settings, meters, tracing);
        // The stores with a few hot keys that change on most events (counts, cells, funnels) hold one entry per level,
        // cell or window, not per player: they live in memory, restored from their changelogs at start, because
        // Kafka Streams flushes every RocksDB store's memtable to disk at every commit and waits for it. Cached, so
        // that each key reaches its changelog once per commit instead of once per event.
        // The per-player stores (and their expiry indexes) stay on RocksDB but are cached too: a player's state and
        // index entries change several times per commit interval, and each change used to be a RocksDB write and a
        // changelog record (caching them took a fifth off catching up on 120,000 events).
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STATS_STORE),
                Serdes.String(), CompactSerdes.LEVEL_MAP_STATS).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELL_PLAYERS_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CELL_DELTAS_STORE),
                Serdes.String(), CompactSerdes.LEVEL_MAP_STATS).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLAYERS_STORE),
                Serdes.String(), CompactSerdes.TRACKED_PLAYER).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSION_EXPIRY_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SESSION_STATS_STORE),
                Serdes.String(), JsonSerdes.of(SessionStats.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CELLS_NOW_STORE),
                Serdes.String(), JsonSerdes.of(CellNow.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CELL_ALERTS_STORE),
                Serdes.String(), JsonSerdes.of(CellAlerts.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVE_EXPIRY_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ACTIVE_COUNTS_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LEVEL_FUNNEL_STORE),
                Serdes.String(), JsonSerdes.of(LevelFunnelStats.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEVEL_DURATIONS_STORE),
                Serdes.String(), Serdes.Long()));
        Duration dedupe = settings.dedupeWindow();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(EVENT_IDS_STORE, dedupe.multipliedBy(2), dedupe, false),
                Serdes.String(), Serdes.Long()));

        InputReader<?, PlayerAction> reader = time.reader(InputTime.PLAYER_EVENTS, () -> meters.clockSkewed(Topics.PLAYER_EVENTS));
        Map<String, KStream<String, Reading<PlayerAction>>> read = builder
                .stream(Topics.PLAYER_EVENTS, Consumed.with(Serdes.String(), Serdes.String()).withName("player-events-source"))
                .processValues(() -> new ReadInput<>(reader), Named.as("read"))
                .split(Named.as("records-"))
                .branch((key, reading) -> reading.isUsable(), Branched.as("usable"))
                .defaultBranch(Branched.as("unusable"));

        read.get("records-unusable")
                .process(() -> new DeadLetters<PlayerAction>(meters.deadLettered()::increment), Named.as("dead-letter"))
                .to(DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters-sink"));

        Map<String, KStream<String, Object>> perPlayer = read.get("records-usable")
                .mapValues(Reading::value, Named.as("action"))
                .process(() -> new PlayerAnalytics(dedupe, settings.grace(), settings.kpi(), new PlayerTracker(settings), meters),
                        Named.as("player-analytics"), PLAYERS_STORE, EVENT_IDS_STORE, ACTIVE_EXPIRY_STORE,
                        ACTIVE_COUNTS_STORE, SESSION_EXPIRY_STORE, SESSION_STATS_STORE, CELLS_NOW_STORE)
                .split(Named.as("player-"))
                .branch((player, out) -> out instanceof EngagementAlert, Branched.as("alerts"))
                .branch((player, out) -> out instanceof LevelEvent, Branched.as("level-steps"))
                .defaultBranch(Branched.as("admitted"));
        KStream<String, EngagementAlert> alerts = perPlayer.get("player-alerts")
                .mapValues(EngagementAlert.class::cast, Named.as("alert"));
        KStream<String, PlayerAction> actions = perPlayer.get("player-admitted")
                .mapValues(PlayerAction.class::cast, Named.as("admitted-action"));

        alerts.to(ALERTS, Produced.with(Serdes.String(), JsonSerdes.of(EngagementAlert.class)).withName("engagement-alerts-sink"));
        alerts.process(CellAlertCounter::new, Named.as("cell-alert-counter"), CELL_ALERTS_STORE);

        alerts.filter((player, alert) -> EngagementAlert.DROPPED_OFF.equals(alert.type()), Named.as("drop-offs"))
                .mapValues(LevelEvent::droppedOff, Named.as("drop-off-steps"))
                .merge(perPlayer.get("player-level-steps").mapValues(LevelEvent.class::cast, Named.as("level-step")),
                        Named.as("level-steps"))
                .selectKey((player, step) -> step.levelId(), Named.as("key-by-level"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerdes.of(LevelEvent.class)).withName("level-steps"))
                .process(LevelFunnel::new, Named.as("level-funnel"), LEVEL_FUNNEL_STORE, LEVEL_DURATIONS_STORE);

        actions.process(LevelMapDeltas::new, Named.as("level-map-deltas"), CELL_PLAYERS_STORE, CELL_DELTAS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), CompactSerdes.LEVEL_MAP_STATS).withName(DELTAS_REPARTITION))
                .process(LevelMapCounter::new, Named.as("level-map-counter"), STATS_STORE);
        return builder.build();
    }
}
