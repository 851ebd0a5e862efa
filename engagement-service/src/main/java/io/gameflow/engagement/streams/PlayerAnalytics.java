package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActivePlayer;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerLevels;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.PlayerTracker;
import io.gameflow.engagement.domain.TrackedPlayer;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.engagement.domain.kpi.KpiSettings;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.streams.support.time.TaskTime;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Everything per player (the input key), reading and writing the player once per event
 * ({@value EngagementTopology#PLAYERS_STORE}: four stores, read and written by four processors, were a third of the
 * stream thread's time):
 * <ol>
 *   <li>admit the event unless it is late (more than the grace behind the player's latest event: a client whose clock
 *   is off harms only its own events) or a duplicate ({@link SeenEventIds});</li>
 *   <li>count the player in the active windows ({@link ActivePlayerCounts});</li>
 *   <li>sessions, position, stuck and drop-off ({@link Sessions}), whose alerts go on first;</li>
 *   <li>the levels entered and completed, whose steps go on next;</li>
 *   <li>the days the player was active, their sessions and playtime, for the studio KPIs ({@link PlayerKpis});</li>
 *   <li>then the admitted event itself, for the level/map counts.</li>
 * </ol>
 * "Now" is the task's {@link TaskTime}: the latest event time, carried on by the wall clock when nothing arrives, so
 * that the last sessions of a quiet game still end and players leave the active windows, and never ahead of the wall
 * clock (docs/time.md). Alerts carry the input's record time, never an event time the broker might refuse as too far
 * ahead. The outputs are of three types; the topology splits them by type.
 */
final class PlayerAnalytics implements Processor<String, PlayerAction, String, Object> {

    private final Duration dedupeWindow;
    private final Duration grace;
    private final KpiSettings kpi;
    private final PlayerTracker tracker;
    private final EngagementMeters meters;
    private final TaskTime time;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TrackedPlayer> players;
    private SeenEventIds seen;
    private ActivePlayerCounts active;
    private Sessions sessions;
    private PlayerKpis kpis;

    PlayerAnalytics(Duration dedupeWindow, Duration grace, KpiSettings kpi, PlayerTracker tracker, EngagementMeters meters) {
        this.dedupeWindow = dedupeWindow;
        this.grace = grace;
        this.kpi = kpi;
        this.tracker = tracker;
        this.meters = meters;
        this.time = new TaskTime(meters.latestEventTime());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.players = context.getStateStore(EngagementTopology.PLAYERS_STORE);
        this.seen = new SeenEventIds(context.getStateStore(EngagementTopology.EVENT_IDS_STORE), dedupeWindow);
        // a task revived after an aborted transaction is initialised again: start over from the restored stores
        this.active = new ActivePlayerCounts(context, players);
        this.sessions = new Sessions(context, players, tracker, meters);
        this.kpis = new PlayerKpis(DayCounters.ofLongs(context.getStateStore(EngagementTopology.ACTIVE_COUNTS_STORE),
                kpi.calendar(), grace, kpi.daysKept()), meters);
        time.start(context, Duration.ofSeconds(1), (now, wallNow) -> {
            active.expire(now);
            sessions.endQuietSessions(now, wallNow, this::send);
            kpis.tick(now);
        });
    }

    @Override
    public void process(Record<String, PlayerAction> record) {
        PlayerAction action = record.value();
        TrackedPlayer before = players.get(record.key());
        if (before == null) {
            before = TrackedPlayer.NEW;
        }
        if (!admitted(before.session(), record)) {
            return;
        }
        time.observe(action.eventTimeMs());
        long now = time.now();
        PlayerState session = sessions.onEvent(before.session(), action, record.timestamp(), this::send);
        PlayerLevels.Step levels = before.levels().on(action);
        ActivePlayer activeNow = active.onEvent(record.key(), before.active(), action, now);
        ActiveDays days = kpis.onEvent(before.days(), activeNow.platform(), before.session(), session,
                action.eventTimeMs(), now);
        players.put(record.key(), new TrackedPlayer(session, activeNow, levels.levels(), days));
        active.sweepIfDue(now);
        levels.steps().forEach(step -> context.forward(record.withValue(step)));
        context.forward(record.withValue(action));
    }

    private boolean admitted(PlayerState player, Record<String, PlayerAction> record) {
        if (player != null && record.value().eventTimeMs() < player.lastEvent() - grace.toMillis()) {
            meters.late();
            return false;
        }
        if (!seen.firstSighting(record.headers(), record.value().eventTimeMs())) {
            meters.duplicate();
            return false;
        }
        return true;
    }

    private void send(EngagementAlert alert, long recordTime) {
        meters.alert(alert);
        context.forward(new Record<>(alert.playerId(), alert, recordTime));
    }
}
