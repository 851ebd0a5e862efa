package io.gameflow.engagement.domain.kpi;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The KPI counters of some tasks (one instance's, or all), added up: tasks hold disjoint players and users, so counts
 * and revenue add. Of the tasks' own state the least is kept: a day is final only when it is before the first open
 * day of every task, and the answer is as of the task that has got least far. A task that has seen nothing yet holds
 * no day open.
 *
 * @param openFrom the first day still open in some task (epoch day), null when no task has counted anything
 * @param asOf     the earliest "now" (epoch ms) of the tasks' latest ticks, null when no task has ticked
 */
@RegisterForReflection
public record KpiParts(Map<String, Long> counts, Map<String, BigDecimal> revenue, Long openFrom, Long asOf) {

    public static final KpiParts NONE = new KpiParts(Map.of(), Map.of(), null, null);

    public KpiParts plus(KpiParts other) {
        Map<String, Long> allCounts = new HashMap<>(counts);
        other.counts.forEach((key, count) -> allCounts.merge(key, count, Long::sum));
        Map<String, BigDecimal> allRevenue = new HashMap<>(revenue);
        other.revenue.forEach((key, sum) -> allRevenue.merge(key, sum, BigDecimal::add));
        return new KpiParts(allCounts, allRevenue, least(openFrom, other.openFrom), least(asOf, other.asOf));
    }

    /**
     * Gathers the KPI entries of tasks' stores, of the days {@code fromDay} to {@code toDay} (epoch days, inclusive;
     * a running sum's changes of every earlier day too; none when {@code fromDay > toDay}) and the tasks' own state.
     */
    public static final class Collector {

        private final int fromDay;
        private final int toDay;
        private final Map<String, Long> counts = new HashMap<>();
        private final Map<String, BigDecimal> revenue = new HashMap<>();
        private Long openFrom;
        private Long asOf;

        public Collector(int fromDay, int toDay) {
            this.fromDay = fromDay;
            this.toDay = toDay;
        }

        /** An entry of a store of counts; other keys (the store's own) are left out. */
        public void count(String key, long value) {
            if (KpiKeys.OPEN_FROM.equals(key)) {
                openFrom = least(openFrom, value);
            } else if (KpiKeys.AS_OF.equals(key)) {
                asOf = least(asOf, value);
            } else if (KpiKeys.isDayKey(key) && asked(key)) {
                counts.merge(key, value, Long::sum);
            }
        }

        /** An entry of a store of counts and net revenue in text. */
        public void text(String key, String value) {
            if (key.endsWith("|" + KpiKeys.NET_REVENUE)) {
                if (KpiKeys.isDayKey(key) && asked(key)) {
                    revenue.merge(key, new BigDecimal(value), BigDecimal::add);
                }
            } else if (KpiKeys.isKpiKey(key)) {
                count(key, Long.parseLong(value));
            }
        }

        private boolean asked(String key) {
            int day = KpiKeys.dayOf(key);
            return fromDay <= toDay && day <= toDay && (day >= fromDay || KpiKeys.isRunningSum(key));
        }

        public KpiParts parts() {
            return new KpiParts(counts, revenue, openFrom, asOf);
        }
    }

    private static Long least(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
