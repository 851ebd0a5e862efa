package io.gameflow.engagement.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The per-user fraud rules (velocity, currency hopping, refund abuse) on one user's purchases in event time; each
 * rule reports an episode once. The amount-outlier rule compares with all users' purchases of an item type, so it
 * is {@link ItemTypeMean}'s. Pure: the stream processor keeps the states and sends the findings.
 */
public final class FraudDetector {

    private final FraudRules rules;

    public FraudDetector(FraudRules rules) {
        this.rules = rules;
    }

    public Step onPurchase(UserPurchases state, Purchase purchase) {
        UserPurchases base = state == null ? UserPurchases.EMPTY : state;
        List<Purchase> recent = new ArrayList<>(base.recent());
        recent.removeIf(p -> p.transactionId().equals(purchase.transactionId()) && p.type().equals(purchase.type()));
        recent.add(purchase);
        recent.sort(Comparator.comparingLong(Purchase::eventTimeMs));
        long newest = recent.get(recent.size() - 1).eventTimeMs();
        recent.removeIf(p -> p.eventTimeMs() <= newest - rules.longestWindow().toMillis());
        while (recent.size() > UserPurchases.MAX_KEPT) {
            recent.remove(0);
        }
        Map<String, Long> lastEnd = new HashMap<>(base.lastFindingEnd());
        List<FraudFinding> findings = new ArrayList<>();
        long now = purchase.eventTimeMs();

        List<Purchase> fast = within(recent, now, rules.velocityWindow().toMillis(), p -> !p.isRefund());
        if (fast.size() > rules.velocityMax()) {
            report(FraudRules.VELOCITY, purchase, fast, Map.of("purchases", fast.size(), "max", rules.velocityMax(),
                    "window_seconds", rules.velocityWindow().toSeconds()), lastEnd, findings);
        }
        List<Purchase> hopping = within(recent, now, rules.hoppingWindow().toMillis(), p -> !p.isRefund());
        List<String> currencies = hopping.stream().map(Purchase::currency).distinct().toList();
        if (currencies.size() > rules.maxCurrencies()) {
            report(FraudRules.HOPPING, purchase, hopping, Map.of("currencies", currencies, "max", rules.maxCurrencies(),
                    "window_seconds", rules.hoppingWindow().toSeconds()), lastEnd, findings);
        }
        List<Purchase> day = within(recent, now, rules.refundWindow().toMillis(), p -> true);
        long refunds = day.stream().filter(Purchase::isRefund).count();
        long purchases = day.size() - refunds;
        if (refunds >= rules.refundsMin() && refunds > rules.refundShare() * purchases) {
            report(FraudRules.REFUNDS, purchase, day, Map.of("refunds", refunds, "purchases", purchases,
                    "min_refunds", rules.refundsMin(), "max_share", rules.refundShare()), lastEnd, findings);
        }
        return new Step(new UserPurchases(List.copyOf(recent), Map.copyOf(lastEnd)), findings);
    }

    /** Reports unless this episode was reported: the window must start after the last finding's window ended. */
    private static void report(String rule, Purchase trigger, List<Purchase> window, Map<String, Object> figures,
                               Map<String, Long> lastEnd, List<FraudFinding> findings) {
        long start = window.get(0).eventTimeMs();
        long end = window.get(window.size() - 1).eventTimeMs();
        Long previous = lastEnd.get(rule);
        if (previous != null && start <= previous) {
            lastEnd.put(rule, Math.max(previous, end));
            return;
        }
        lastEnd.put(rule, end);
        Map<String, Object> evidence = new LinkedHashMap<>(figures);
        findings.add(FraudFinding.of(rule, trigger.userId(), trigger.platform(), start, end,
                window.stream().map(Purchase::transactionId).toList(), evidence));
    }

    private static List<Purchase> within(List<Purchase> recent, long now, long span, Predicate<Purchase> which) {
        return recent.stream().filter(p -> p.eventTimeMs() > now - span && p.eventTimeMs() <= now).filter(which).toList();
    }

    public record Step(UserPurchases state, List<FraudFinding> findings) {
    }
}
