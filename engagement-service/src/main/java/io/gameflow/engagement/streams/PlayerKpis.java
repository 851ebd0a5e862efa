package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.engagement.domain.kpi.DailyFigures;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.events.Topics;

/**
 * The studio KPIs of player events, per player as part of {@link PlayerAnalytics}: the days a player was active
 * ({@link DailyFigures}), the sessions started on each day, and the playtime each event added to its session (the
 * sum over a session is its length, as the session figures define it, split over the days its events fell on). An
 * event of a day that is already final ({@link DayCounters}) changes none of them and is counted as late.
 */
final class PlayerKpis {

    private final DayCounters<Long> counters;
    private final EngagementMeters meters;

    PlayerKpis(DayCounters<Long> counters, EngagementMeters meters) {
        this.counters = counters;
        this.meters = meters;
    }

    /**
     * An admitted event of a player of {@code platform} whose session went from {@code before} (null for a player's
     * first event) to {@code after}; returns the player's active days after it.
     */
    ActiveDays onEvent(ActiveDays days, String platform, PlayerState before, PlayerState after, long eventTime, long now) {
        int day = counters.calendar().dayOf(eventTime);
        if (!counters.open(eventTime, now) || days != null && !days.canTell(day)) {
            meters.kpiLate(Topics.PLAYER_EVENTS);
            return days;
        }
        ActiveDays next = DailyFigures.playerActive(days, day, platform, counters);
        boolean sameSession = before != null && before.open() && before.sessionId().equals(after.sessionId())
                && before.sessionStart() == after.sessionStart();
        if (!sameSession) {
            counters.add(KpiKeys.figure(day, platform, KpiKeys.SESSIONS), 1);
        }
        long played = lengthOf(after) - (sameSession ? lengthOf(before) : 0);
        if (played > 0) {
            counters.add(KpiKeys.figure(day, platform, KpiKeys.PLAYTIME_MS), played);
        }
        return next;
    }

    void tick(long now) {
        counters.tick(now);
    }

    private static long lengthOf(PlayerState session) {
        return session.lastEvent() - session.sessionStart();
    }
}
