package io.gameflow.engagement.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The added-up KPI counters of the whole service ({@link KpiParts}), to be read by day, platform and currency. */
public final class KpiTable {

    private final KpiParts parts;
    private final Map<Integer, Set<String>> currenciesByDay = new HashMap<>();
    /** "platform|figure" of a running sum -> its changes by day. */
    private final Map<String, TreeMap<Integer, Long>> runningSums = new HashMap<>();

    public KpiTable(KpiParts parts) {
        this.parts = parts;
        parts.revenue().keySet().forEach(this::noteCurrency);
        parts.counts().forEach((key, change) -> {
            noteCurrency(key);
            if (KpiKeys.isRunningSum(key)) {
                runningSums.computeIfAbsent(key.substring(key.indexOf('|') + 1), sum -> new TreeMap<>())
                        .merge(KpiKeys.dayOf(key), change, Long::sum);
            }
        });
    }

    private void noteCurrency(String key) {
        String[] fields = key.split("\\|");
        if (fields.length == 4 && !KpiKeys.ANY_CURRENCY.equals(fields[2])) {
            currenciesByDay.computeIfAbsent(Integer.parseInt(fields[0]), day -> new TreeSet<>()).add(fields[2]);
        }
    }

    /** Final: before the first day still open in any task; nothing will change it any more. */
    public boolean isFinal(int day) {
        return parts.openFrom() != null && day < parts.openFrom();
    }

    /** The latest day final in every task, if any. */
    public OptionalInt latestFinalDay() {
        return parts.openFrom() == null ? OptionalInt.empty() : OptionalInt.of(Math.toIntExact(parts.openFrom() - 1));
    }

    public Instant asOf() {
        return parts.asOf() == null ? null : Instant.ofEpochMilli(parts.asOf());
    }

    public long count(int day, Collection<String> platforms, String figure) {
        long sum = 0;
        for (String platform : platforms) {
            String key = KpiKeys.figure(day, platform, figure);
            if (KpiKeys.isRunningSum(key)) {
                TreeMap<Integer, Long> changes = runningSums.get(platform + "|" + figure);
                for (long change : changes == null ? List.<Long>of() : changes.headMap(day, true).values()) {
                    sum += change;
                }
            } else {
                sum += parts.counts().getOrDefault(key, 0L);
            }
        }
        return sum;
    }

    public long retained(int cohort, Collection<String> platforms, int offset) {
        long sum = 0;
        for (String platform : platforms) {
            sum += parts.counts().getOrDefault(KpiKeys.retained(cohort, platform, offset), 0L);
        }
        return sum;
    }

    /** Paying users or first-time payers of a day in one currency ({@link KpiKeys#ANY_CURRENCY} for any). */
    public long payers(int day, Collection<String> platforms, String currency, String figure) {
        long sum = 0;
        for (String platform : platforms) {
            sum += parts.counts().getOrDefault(KpiKeys.money(day, platform, currency, figure), 0L);
        }
        return sum;
    }

    public BigDecimal netRevenue(int day, Collection<String> platforms, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String platform : platforms) {
            BigDecimal part = parts.revenue().get(KpiKeys.money(day, platform, currency, KpiKeys.NET_REVENUE));
            if (part != null) {
                sum = sum.add(part);
            }
        }
        return sum;
    }

    /** The currencies with any purchase or refund on the day, on any platform, in order. */
    public Set<String> currencies(int day) {
        return currenciesByDay.getOrDefault(day, Set.of());
    }
}
