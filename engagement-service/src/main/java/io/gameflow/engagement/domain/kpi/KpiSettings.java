package io.gameflow.engagement.domain.kpi;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The studio KPIs' settings ({@code gameflow.engagement.kpi.*}): the zone of their calendar days, and how many days
 * before the first open one each task keeps.
 */
public record KpiSettings(KpiCalendar calendar, int daysKept) {

    /** Retention reaches 30 days after a cohort, and MAU 30 days back: fewer days kept would lose what is still counted. */
    public static final int MIN_DAYS_KEPT = DailyFigures.MONTH_DAYS + 1;

    public static KpiSettings of(ZoneId zone, Duration kept) {
        long days = kept.toDays();
        if (days < MIN_DAYS_KEPT || kept.toMillis() % Duration.ofDays(1).toMillis() != 0) {
            throw new IllegalArgumentException("gameflow.engagement.kpi.days-kept (GAMEFLOW_ENGAGEMENT_KPI_DAYS_KEPT) must be whole "
                    + "days, at least " + MIN_DAYS_KEPT + "d, got " + kept);
        }
        return new KpiSettings(new KpiCalendar(zone), Math.toIntExact(Math.min(days, 100_000)));
    }
}
