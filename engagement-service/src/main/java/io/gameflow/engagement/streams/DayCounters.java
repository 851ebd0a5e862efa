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
import java.util.function.IntConsumer;

/**
 * One task's daily KPI counters ({@link KpiKeys}) and which of its days are still open. A day is open until the
 * task's "now" passes its end plus the grace; after that nothing changes it (an event of a final day is not counted
 * in the KPIs), so each task keeps, in the same store and so across restarts, the first day it still holds open. A
 * day is final for the service once it is before that day in every task. Days older than {@code daysKept} before
 * the first open day are dropped, so the store holds a bounded number of days (running sums keep their total).
 */
final class DayCounters implements DailyFigures.Counts {

    private final KeyValueStore<String, Long> store;
    private final KpiCalendar calendar;
    private final long graceMs;
    private final int daysKept;
    private final IntConsumer onDropBefore;
    private int openFrom = Integer.MIN_VALUE;

    /** {@code onDropBefore} drops the task's other stores' days before the given day, with this one's. */
    DayCounters(KeyValueStore<String, Long> store, KpiCalendar calendar, Duration grace, int daysKept,
                IntConsumer onDropBefore) {
        this.store = store;
        this.calendar = calendar;
        this.graceMs = grace.toMillis();
        this.daysKept = daysKept;
        this.onDropBefore = onDropBefore;
        Long stored = store.get(KpiKeys.OPEN_FROM);
        if (stored != null) {
            openFrom = stored.intValue();
        }
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
        store.put(KpiKeys.AS_OF, now);
    }

    private void moveOn(long now) {
        int firstOpen = calendar.dayOf(now - graceMs);
        if (firstOpen <= openFrom) {
            return;
        }
        openFrom = firstOpen;
        store.put(KpiKeys.OPEN_FROM, (long) firstOpen);
        store.put(KpiKeys.AS_OF, now);
        dropBefore(firstOpen - daysKept);
    }

    @Override
    public void add(String key, long delta) {
        Long count = store.get(key);
        store.put(key, count == null ? delta : count + delta);
    }

    /** Drops the days before {@code day}; a running sum's changes of those days are folded into its change of {@code day}. */
    private void dropBefore(int day) {
        List<KeyValue<String, Long>> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (!KpiKeys.isTaskState(entry.key) && KpiKeys.dayOf(entry.key) < day) {
                    old.add(entry);
                }
            }
        }
        for (KeyValue<String, Long> entry : old) {
            store.delete(entry.key);
            if (KpiKeys.isRunningSum(entry.key)) {
                add(KpiKeys.onDay(entry.key, day), entry.value);
            }
        }
        onDropBefore.accept(day);
    }
}
