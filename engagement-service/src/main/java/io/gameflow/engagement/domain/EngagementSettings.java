package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.kpi.KpiSettings;

import java.time.Duration;

/**
 * The thresholds of docs/definitions.md: a session ends after {@code sessionGap} without events; a player is
 * stuck after {@code stuckAfter} at one level and map with at least {@code stuckMinEvents} events there; an event more
 * than {@code grace} behind its player's latest is late; the same event_id within {@code dedupeWindow} is a duplicate.
 * {@code kpi}: the calendar of the studio KPIs.
 */
public record EngagementSettings(Duration sessionGap, Duration stuckAfter, int stuckMinEvents, Duration grace,
                                 Duration dedupeWindow, KpiSettings kpi) {

}
