package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money of one currency: purchases and refunds since the start, purchases per second of event time for the last
 * hour (so the 1m and 1h revenue are exact to the second), and purchases per item and per item type. Item ids come
 * from clients: past {@value #MAX_ITEMS} distinct ids the rest count as "other".
 */
@RegisterForReflection
public record CurrencyRevenue(String currency, long purchases, double revenue, long refunds, double refunded,
                              long newestSecond, Map<Long, Double> perSecond, Map<String, ItemSales> items,
                              Map<String, Double> byItemType) {

    static final int MAX_ITEMS = 1_000;
    static final long HOUR_SECONDS = 3600;

    /** Sales of one item in this currency. */
    @RegisterForReflection
    public record ItemSales(String itemType, long purchases, double revenue) {
    }

    public static CurrencyRevenue empty(String currency) {
        return new CurrencyRevenue(currency, 0, 0, 0, 0, Long.MIN_VALUE, Map.of(), Map.of(), Map.of());
    }

    public CurrencyRevenue plus(Purchase p) {
        long second = Math.floorDiv(p.eventTimeMs(), 1000);
        if (p.isRefund()) {
            return new CurrencyRevenue(currency, purchases, revenue, refunds + 1, refunded + p.amount(),
                    Math.max(newestSecond, second), perSecond, items, byItemType);
        }
        long newest = Math.max(newestSecond, second);
        Map<Long, Double> seconds = new TreeMap<>(perSecond);
        if (second > newest - HOUR_SECONDS) {
            seconds.merge(second, p.amount(), Double::sum);
        }
        seconds.keySet().removeIf(s -> s <= newest - HOUR_SECONDS);
        Map<String, ItemSales> itemsNow = new HashMap<>(items);
        String item = itemsNow.containsKey(p.itemId()) || itemsNow.size() < MAX_ITEMS ? p.itemId() : "other";
        ItemSales sold = itemsNow.getOrDefault(item, new ItemSales(p.itemType(), 0, 0));
        itemsNow.put(item, new ItemSales(sold.itemType(), sold.purchases() + 1, sold.revenue() + p.amount()));
        Map<String, Double> types = new HashMap<>(byItemType);
        types.merge(p.itemType(), p.amount(), Double::sum);
        return new CurrencyRevenue(currency, purchases + 1, revenue + p.amount(), refunds, refunded, newest,
                Map.copyOf(seconds), Map.copyOf(itemsNow), Map.copyOf(types));
    }

    /** Revenue of the purchases in the last {@code seconds} before (and including) the second {@code asOfSecond}. */
    public double revenueWithin(long asOfSecond, long seconds) {
        return perSecond.entrySet().stream().filter(e -> e.getKey() > asOfSecond - seconds && e.getKey() <= asOfSecond)
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Refunds per purchase, by count. */
    public double refundRate() {
        return purchases == 0 ? 0 : (double) refunds / purchases;
    }
}
