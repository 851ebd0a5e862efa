package io.gameflow.engagement.domain.kpi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The daily studio KPIs of docs/definitions.md, one row per day, from the added-up counters. */
public final class DailyKpis {

    private DailyKpis() {
    }

    /** Money of one day in one currency, never converted; ratios null when their denominator is 0. */
    @RegisterForReflection
    public record CurrencyDay(String currency, BigDecimal netRevenue, long payingUsers, long firstTimePayers,
                              BigDecimal arpdau, BigDecimal arppu, Double conversion) {
    }

    /** One day; ratios null when their denominator is 0. */
    @RegisterForReflection
    public record Day(LocalDate date, @JsonProperty("final") boolean isFinal, long dau, long wau, long mau, Double stickiness, long newPlayers,
                      long sessions, Double sessionsPerDau, double playtimeSeconds, Double playtimePerDauSeconds,
                      long payingUsers, long firstTimePayers, Double conversion, List<CurrencyDay> revenue) {
    }

    public static List<Day> days(KpiTable table, KpiCalendar calendar, LocalDate from, LocalDate to,
                                 Collection<String> platforms) {
        List<Day> days = new ArrayList<>();
        for (int day = calendar.dayOf(from); day <= calendar.dayOf(to); day++) {
            days.add(day(table, calendar, day, platforms));
        }
        return days;
    }

    public static Day day(KpiTable table, KpiCalendar calendar, int day, Collection<String> platforms) {
        long dau = table.count(day, platforms, KpiKeys.DAU);
        long sessions = table.count(day, platforms, KpiKeys.SESSIONS);
        double playtime = table.count(day, platforms, KpiKeys.PLAYTIME_MS) / 1000.0;
        long payers = table.payers(day, platforms, KpiKeys.ANY_CURRENCY, KpiKeys.PAYERS);
        List<CurrencyDay> revenue = new ArrayList<>();
        for (String currency : table.currencies(day)) {
            BigDecimal net = table.netRevenue(day, platforms, currency);
            long paying = table.payers(day, platforms, currency, KpiKeys.PAYERS);
            revenue.add(new CurrencyDay(currency, net, paying, table.payers(day, platforms, currency, KpiKeys.FIRST_TIME_PAYERS),
                    per(net, dau), per(net, paying), share(paying, dau)));
        }
        long mau = table.count(day, platforms, KpiKeys.MAU);
        return new Day(calendar.date(day), table.isFinal(day), dau, table.count(day, platforms, KpiKeys.WAU), mau,
                share(dau, mau), table.count(day, platforms, KpiKeys.NEW), sessions, share(sessions, dau), playtime,
                dau == 0 ? null : playtime / dau, payers,
                table.payers(day, platforms, KpiKeys.ANY_CURRENCY, KpiKeys.FIRST_TIME_PAYERS), share(payers, dau), revenue);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static BigDecimal per(BigDecimal amount, long count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }
}
