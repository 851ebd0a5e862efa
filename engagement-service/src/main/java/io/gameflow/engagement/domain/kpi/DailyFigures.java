package io.gameflow.engagement.domain.kpi;

/**
 * How one counted day of one player (or payer) changes the daily counters (docs/definitions.md, "Studio KPIs"). Each
 * counter changes only on the first event of a player on a day, so counts are exact and every event after that costs
 * nothing here. Works in any order of days (a late event within the grace may be of the day before), as long as the
 * day is within {@link ActiveDays#canTell} of the player's latest.
 */
public final class DailyFigures {

    public static final int WEEK_DAYS = 7;
    public static final int MONTH_DAYS = 30;
    /** Retention is kept for day offsets 0..{@value}. */
    public static final int RETENTION_DAYS = 30;

    /** Where the changes go. */
    @FunctionalInterface
    public interface Counts {
        void add(String key, long delta);
    }

    private DailyFigures() {
    }

    /**
     * A player's event on {@code day}: DAU of the day; WAU and MAU of the days whose window the player was not yet in;
     * their cohort's retention at this day's offset; and, for the first day ever or a day before it, the cohort.
     * Returns the player's days after it (the same instance when the day was counted already).
     */
    public static ActiveDays playerActive(ActiveDays before, int day, String platform, Counts counts) {
        if (before != null && before.on(day)) {
            return before;
        }
        counts.add(KpiKeys.figure(day, platform, KpiKeys.DAU), 1);
        cover(before, day, WEEK_DAYS, platform, KpiKeys.WAU, counts);
        cover(before, day, MONTH_DAYS, platform, KpiKeys.MAU, counts);
        if (before == null) {
            joinCohort(null, day, platform, counts);
            return ActiveDays.firstOn(day);
        }
        if (day < before.first()) {
            leaveCohort(before, platform, counts);
            joinCohort(before, day, platform, counts);
        } else if (day - before.first() <= RETENTION_DAYS) {
            counts.add(KpiKeys.retained(before.first(), platform, day - before.first()), 1);
        }
        return before.with(day);
    }

    /**
     * A player active on {@code day} is in the window of every day d in [day, day + window): of those, the ones no
     * other active day already covers form one run, from the day after the previous active day's window to the day
     * before the next active day. WAU and MAU are kept as running sums ({@link KpiKeys#WAU}): +1 where the run starts
     * and -1 after it ends, two changes instead of one per day of the window.
     */
    private static void cover(ActiveDays before, int day, int window, String platform, String figure, Counts counts) {
        int start = day;
        int end = day + window - 1;
        for (int d = day - 1; before != null && d > day - window; d--) {
            if (before.on(d)) {
                start = d + window;
                break;
            }
        }
        for (int d = day + 1; before != null && d <= end; d++) {
            if (before.on(d)) {
                end = d - 1;
                break;
            }
        }
        if (start <= end) {
            counts.add(KpiKeys.figure(start, platform, figure), 1);
            counts.add(KpiKeys.figure(end + 1, platform, figure), -1);
        }
    }

    /** Counts a player into cohort {@code cohort}: new player there, and retained at every offset they were active. */
    private static void joinCohort(ActiveDays before, int cohort, String platform, Counts counts) {
        counts.add(KpiKeys.figure(cohort, platform, KpiKeys.NEW), 1);
        counts.add(KpiKeys.retained(cohort, platform, 0), 1);
        for (int n = 1; before != null && n <= RETENTION_DAYS; n++) {
            if (before.on(cohort + n)) {
                counts.add(KpiKeys.retained(cohort, platform, n), 1);
            }
        }
    }

    /** Takes a player out of the cohort they were in, for an earlier one (a late event before their first). */
    private static void leaveCohort(ActiveDays before, String platform, Counts counts) {
        int cohort = before.first();
        counts.add(KpiKeys.figure(cohort, platform, KpiKeys.NEW), -1);
        for (int n = 0; n <= RETENTION_DAYS; n++) {
            if (before.on(cohort + n)) {
                counts.add(KpiKeys.retained(cohort, platform, n), -1);
            }
        }
    }

    /**
     * A purchase of a payer (a user, in one currency or in any) on {@code day}: paying users of the day, and first-time
     * payers of their first day (which moves back when a late purchase is before it). Refunds do not make a payer.
     */
    public static ActiveDays payerPurchase(ActiveDays before, int day, String platform, String currency, Counts counts) {
        if (before != null && before.on(day)) {
            return before;
        }
        counts.add(KpiKeys.money(day, platform, currency, KpiKeys.PAYERS), 1);
        if (before == null || day < before.first()) {
            if (before != null) {
                counts.add(KpiKeys.money(before.first(), platform, currency, KpiKeys.FIRST_TIME_PAYERS), -1);
            }
            counts.add(KpiKeys.money(day, platform, currency, KpiKeys.FIRST_TIME_PAYERS), 1);
        }
        return before == null ? ActiveDays.firstOn(day) : before.with(day);
    }
}
