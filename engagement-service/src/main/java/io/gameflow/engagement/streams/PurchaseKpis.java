package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.engagement.domain.kpi.DailyFigures;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.events.Topics;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The studio KPIs of purchases and refunds, per user as part of {@link UserPurchaseAnalytics}: net revenue per day,
 * platform and currency (purchases minus refunds, each on its own day, never converted, exact as decimals), and the
 * paying users and first-time payers of each day, per currency and in any currency ({@link DailyFigures}), from the
 * days the user bought on. The platform is the purchase event's. A purchase of a day already final
 * ({@link DayCounters}) changes none of them and is counted as late.
 */
final class PurchaseKpis {

    private final DayCounters<String> counters;
    private final KeyValueStore<String, String> store;
    private final EngagementMeters meters;

    /** {@code store}: the counters and the net revenue, both by day, in text. */
    PurchaseKpis(KeyValueStore<String, String> store, DayCounters<String> counters, EngagementMeters meters) {
        this.store = store;
        this.counters = counters;
        this.meters = meters;
    }

    /**
     * A purchase or refund of a user who had bought on {@code payerDays} (currency, or {@link KpiKeys#ANY_CURRENCY},
     * to their days); returns the user's days after it.
     */
    Map<String, ActiveDays> onPurchase(Map<String, ActiveDays> payerDays, Purchase purchase, long now) {
        if (!counters.open(purchase.eventTimeMs(), now)) {
            meters.kpiLate(Topics.PURCHASE_EVENTS);
            return payerDays;
        }
        int day = counters.calendar().dayOf(purchase.eventTimeMs());
        String platform = ActiveWindows.platformOf(purchase.platform());
        BigDecimal amount = BigDecimal.valueOf(purchase.amount());
        addRevenue(KpiKeys.money(day, platform, purchase.currency(), KpiKeys.NET_REVENUE),
                purchase.isRefund() ? amount.negate() : amount);
        if (purchase.isRefund()) {
            return payerDays;
        }
        Map<String, ActiveDays> after = new HashMap<>(payerDays);
        for (String currency : new String[] {purchase.currency(), KpiKeys.ANY_CURRENCY}) {
            ActiveDays before = payerDays.get(currency);
            if (before != null && !before.canTell(day)) {
                meters.kpiLate(Topics.PURCHASE_EVENTS);
                continue;
            }
            after.put(currency, DailyFigures.payerPurchase(before, day, platform, currency, counters));
        }
        return after;
    }

    void tick(long now) {
        counters.tick(now);
    }

    private void addRevenue(String key, BigDecimal amount) {
        String sum = store.get(key);
        store.put(key, (sum == null ? amount : new BigDecimal(sum).add(amount)).toString());
    }
}
