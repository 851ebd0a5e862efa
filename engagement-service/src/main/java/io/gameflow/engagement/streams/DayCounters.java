package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.kpi.DailyFigures;
import io.gameflow.engagement.domain.kpi.KpiCalendar;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One task's daily KPI counters ({@link KpiKeys}) and which of its days are still open. A day is open until the
 * task's "now" passes its end plus the grace; after that nothing changes it (an event of a final day is not counted
 * in the KPIs), so each task keeps, in the same store and so across restarts, the first day it still holds open. A
 * day is final for the service once it is before that day in every task. Days older than {@code daysKept} before
 * the first open day are dropped, so the store holds a bounded number of days (running sums keep their total).
 *
 * <p>The counters share a store that the task writes anyway (engagement's {@code active-counts}, the purchases'
 * {@code purchase-kpis}), so that counting them adds no changelog partition to each commit's transaction. Only
 * {@link KpiKeys#isKpiKey} keys are theirs.
 *
 * @param <V> the store's value type: counts are longs in it ({@code toLong}, {@code ofLong})
 */
final class DayCounters<V> implements DailyFigures.Counts {

    private final KeyValueStore<String, V> store;
    private final Function<V, Long> toLong;
    private final LongFunction<V> ofLong;
    private final KpiCalendar calendar;
    private final long graceMs;
    private final int daysKept;
    private int openFrom = Integer.MIN_VALUE;

    DayCounters(KeyValueStore<String, V> store, Function<V, Long> toLong, LongFunction<V> ofLong, KpiCalendar calendar,
                Duration grace, int daysKept) {
        this.store = store;
        this.toLong = toLong;
        this.ofLong = ofLong;
        this.calendar = calendar;
        this.graceMs = grace.toMillis();
        this.daysKept = daysKept;
        V stored = store.get(KpiKeys.OPEN_FROM);
        if (stored != null) {
            openFrom = toLong.apply(stored).intValue();
        }
    }

    static DayCounters<Long> ofLongs(KeyValueStore<String, Long> store, KpiCalendar calendar, Duration grace, int daysKept) {
        return new DayCounters<>(store, Function.identity(), Long::valueOf, calendar, grace, daysKept);
    }

    static DayCounters<String> ofTexts(KeyValueStore<String, String> store, KpiCalendar calendar, Duration grace, int daysKept) {
        return new DayCounters<>(store, Long::valueOf, Long::toString, calendar, grace, daysKept);
    }

    KpiCalendar calendar() {
        return calendar;
    }

    /**
     * Moves the open days on to {@code now} (the task's, after taking in the event) and tells whether the day of an
     * event at {@code eventTime} is still open.
     */
    boolean open(long eventTime, long now) {
        moveOn(now);
        return calendar.dayOf(eventTime) >= openFrom;
    }

    /** At each tick of the task's clock: moves the open days on and records how far the task has got. */
    void tick(long now) {
        moveOn(now);
        store.put(KpiKeys.AS_OF, ofLong.apply(now));
    }

    private void moveOn(long now) {
        int firstOpen = calendar.dayOf(now - graceMs);
        if (firstOpen <= openFrom) {
            return;
        }
        openFrom = firstOpen;
        store.put(KpiKeys.OPEN_FROM, ofLong.apply(firstOpen));
        store.put(KpiKeys.AS_OF, ofLong.apply(now));
        dropBefore(firstOpen - daysKept);
    }

    @Override
    public void add(String key, long delta) {
        V count = store.get(key);
        store.put(key, ofLong.apply(count == null ? delta : toLong.apply(count) + delta));
    }

    /**
     * Drops the KPI days before {@code day}, counters and anything else kept by day ({@link KpiKeys#money}); a running
     * sum's changes of those days are folded into its change of {@code day}.
     */
    private void dropBefore(int day) {
        List<KeyValue<String, V>> old = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (KpiKeys.isDayKey(entry.key) && KpiKeys.dayOf(entry.key) < day) {
                    old.add(entry);
                }
            }
        }
        for (KeyValue<String, V> entry : old) {
            store.delete(entry.key);
            if (KpiKeys.isRunningSum(entry.key)) {
                add(KpiKeys.onDay(entry.key, day), toLong.apply(entry.value));
            }
        }
    }
}
