package io.gameflow.engagement.domain.kpi;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The calendar days (epoch days in the KPI zone) on which one player was counted: the first (their install cohort,
 * or for a payer their first purchase) and a bitmap of the last {@value #SPAN} days ending with the latest. That is
 * all the daily figures need: whether a day is already counted, whether another active day lies within 7 or 30 days
 * of it, and where the player's cohort is. 20 bytes a player, whatever their history.
 *
 * @param first  the first day counted
 * @param latest the latest day counted
 * @param bits   bit i set: counted on day {@code latest - i}
 */
@RegisterForReflection
public record ActiveDays(int first, int latest, long bits) {

    public static final int SPAN = Long.SIZE;

    public static ActiveDays firstOn(int day) {
        return new ActiveDays(day, day, 1L);
    }

    public boolean on(int day) {
        int back = latest - day;
        return back >= 0 && back < SPAN && (bits >>> back & 1L) != 0;
    }

    /** True when {@code day} is far enough inside the bitmap that every day within 30 either side is known. */
    public boolean canTell(int day) {
        return day >= latest - (SPAN - 1 - DailyFigures.MONTH_DAYS);
    }

    /** True when any day in {@code [from, to]} is counted. */
    public boolean anyIn(int from, int to) {
        for (int day = from; day <= to; day++) {
            if (on(day)) {
                return true;
            }
        }
        return false;
    }

    /** The same with {@code day} counted too; the first day moves back when {@code day} is before it. */
    public ActiveDays with(int day) {
        int first = Math.min(this.first, day);
        if (day > latest) {
            int shift = day - latest;
            return new ActiveDays(first, day, shift >= SPAN ? 1L : bits << shift | 1L);
        }
        return new ActiveDays(first, latest, bits | 1L << (latest - day));
    }
}
