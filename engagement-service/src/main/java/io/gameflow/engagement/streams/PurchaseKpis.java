package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.engagement.domain.kpi.DailyFigures;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.domain.kpi.KpiSettings;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.events.Topics;
import io.gameflow.streams.support.time.TaskTime;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio KPIs of purchases and refunds, per user (the input key), after the duplicates are gone: net revenue per
 * day, platform and currency (purchases minus refunds, each on its own day, never converted, exact as decimals), and
 * the paying users and first-time payers of each day, per currency and in any currency ({@link DailyFigures}). The
 * platform is the purchase event's. A purchase of a day already final ({@link DayCounters}) changes none of them.
 */
final class PurchaseKpis implements Processor<String, Purchase, Void, Void> {

    private final KpiSettings settings;
    private final Duration grace;
    private final EngagementMeters meters;
    private final TaskTime time = new TaskTime();
    private KeyValueStore<String, ActiveDays> payers;
    private KeyValueStore<String, String> revenue;
    private DayCounters counters;

    PurchaseKpis(KpiSettings settings, Duration grace, EngagementMeters meters) {
        this.settings = settings;
        this.grace = grace;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.payers = context.getStateStore(PurchaseTopology.PAYER_DAYS_STORE);
        this.revenue = context.getStateStore(PurchaseTopology.REVENUE_DAYS_STORE);
        this.counters = new DayCounters(context.getStateStore(PurchaseTopology.PURCHASE_KPIS_STORE), settings.calendar(),
                grace, settings.daysKept(), this::dropRevenueBefore);
        time.start(context, Duration.ofSeconds(1), (now, wallNow) -> counters.tick(now));
    }

    @Override
    public void process(Record<String, Purchase> record) {
        Purchase purchase = record.value();
        time.observe(purchase.eventTimeMs());
        if (!counters.open(purchase.eventTimeMs(), time.now())) {
            meters.kpiLate(Topics.PURCHASE_EVENTS);
            return;
        }
        int day = settings.calendar().dayOf(purchase.eventTimeMs());
        String platform = ActiveWindows.platformOf(purchase.platform());
        BigDecimal amount = BigDecimal.valueOf(purchase.amount());
        addRevenue(KpiKeys.money(day, platform, purchase.currency(), KpiKeys.NET_REVENUE),
                purchase.isRefund() ? amount.negate() : amount);
        if (!purchase.isRefund()) {
            countPayer(record.key(), purchase.currency(), day, platform);
            countPayer(record.key(), KpiKeys.ANY_CURRENCY, day, platform);
        }
    }

    private void countPayer(String user, String currency, int day, String platform) {
        String key = user + "|" + currency;
        ActiveDays before = payers.get(key);
        if (before != null && !before.canTell(day)) {
            meters.kpiLate(Topics.PURCHASE_EVENTS);
            return;
        }
        ActiveDays after = DailyFigures.payerPurchase(before, day, platform, currency, counters);
        if (after != before) {
            payers.put(key, after);
        }
    }

    private void addRevenue(String key, BigDecimal amount) {
        String sum = revenue.get(key);
        revenue.put(key, (sum == null ? amount : new BigDecimal(sum).add(amount)).toString());
    }

    private void dropRevenueBefore(int day) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> all = revenue.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (KpiKeys.dayOf(entry.key) < day) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(revenue::delete);
    }
}
