package io.gameflow.engagement.domain.kpi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The retention table of docs/definitions.md: per install cohort, how many of its players were active n days after
 * their first day, for n = 0..30 as far as the days have come.
 */
public final class Retention {

    private Retention() {
    }

    /** Day n of a cohort: its players active on cohort + n, as a count and a share of the cohort. */
    @RegisterForReflection
    public record CohortDay(int day, long players, Double share, @JsonProperty("final") boolean isFinal) {
    }

    /** One cohort: its size (new players of its day), D1, D7 and D30 (null until that day has come), every day. */
    @RegisterForReflection
    public record Cohort(LocalDate cohort, @JsonProperty("final") boolean isFinal, long newPlayers, Double d1, Double d7, Double d30,
                         List<CohortDay> days) {

        /** Dn when day n of the cohort is final, else null. */
        public Double finalShare(int n) {
            return n < days.size() && days.get(n).isFinal() ? days.get(n).share() : null;
        }
    }

    /** The cohorts from {@code from} to {@code to}, with their days up to {@code today}. */
    public static List<Cohort> cohorts(KpiTable table, KpiCalendar calendar, LocalDate from, LocalDate to, int today,
                                       Collection<String> platforms) {
        List<Cohort> cohorts = new ArrayList<>();
        for (int cohort = calendar.dayOf(from); cohort <= calendar.dayOf(to); cohort++) {
            cohorts.add(cohort(table, calendar, cohort, today, platforms));
        }
        return cohorts;
    }

    public static Cohort cohort(KpiTable table, KpiCalendar calendar, int cohort, int today, Collection<String> platforms) {
        long size = table.count(cohort, platforms, KpiKeys.NEW);
        List<CohortDay> days = new ArrayList<>();
        for (int n = 0; n <= DailyFigures.RETENTION_DAYS && cohort + n <= today; n++) {
            long players = table.retained(cohort, platforms, n);
            days.add(new CohortDay(n, players, DailyKpis.share(players, size), table.isFinal(cohort + n)));
        }
        return new Cohort(calendar.date(cohort), table.isFinal(cohort), size, shareAt(days, 1), shareAt(days, 7),
                shareAt(days, 30), days);
    }

    private static Double shareAt(List<CohortDay> days, int n) {
        return n < days.size() ? days.get(n).share() : null;
    }
}
