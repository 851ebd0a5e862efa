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

    /** Adds one entry of a task's counter store: a count, or the task's own state. */
    public static void addEntry(Map<String, Long> counts, Long[] taskState, String key, long value) {
        if (KpiKeys.OPEN_FROM.equals(key)) {
            taskState[0] = least(taskState[0], value);
        } else if (KpiKeys.AS_OF.equals(key)) {
            taskState[1] = least(taskState[1], value);
        } else {
            counts.merge(key, value, Long::sum);
        }
    }

    private static Long least(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
