package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.rules.CurrencyHoppingRule;
import io.gameflow.engagement.domain.rules.PurchaseVelocityRule;
import io.gameflow.engagement.domain.rules.RefundAbuseRule;
import io.gameflow.engagement.domain.rules.UserFraudRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the per-user fraud rules (velocity, currency hopping, refund abuse: each a {@link UserFraudRule}) on one
 * user's purchases in event time, and reports each rule's episode once (docs/definitions.md, "Fraud rules"). The
 * amount-outlier rule compares with all users' purchases of an item type, so it runs apart. Pure: the stream
 * processor keeps the states and sends the findings.
 */
public final class FraudDetector {

    private final FraudRules rules;
    private final List<UserFraudRule> userRules;

    public FraudDetector(FraudRules rules) {
        this.rules = rules;
        this.userRules = List.of(
                new PurchaseVelocityRule(rules.velocityMax(), rules.velocityWindow()),
                new CurrencyHoppingRule(rules.maxCurrencies(), rules.hoppingWindow()),
                new RefundAbuseRule(rules.refundsMin(), rules.refundShare(), rules.refundWindow()));
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
        for (UserFraudRule rule : userRules) {
            rule.check(recent, purchase.eventTimeMs())
                    .ifPresent(breach -> report(rule.name(), purchase, breach, lastEnd, findings));
        }
        return new Step(new UserPurchases(List.copyOf(recent), Map.copyOf(lastEnd), base.payerDays()), findings);
    }

    /** Reports unless this episode was reported: the window must start after the last finding's window ended. */
    private static void report(String rule, Purchase trigger, UserFraudRule.Breach breach, Map<String, Long> lastEnd,
                               List<FraudFinding> findings) {
        List<Purchase> window = breach.window();
        long start = window.get(0).eventTimeMs();
        long end = window.get(window.size() - 1).eventTimeMs();
        Long previous = lastEnd.get(rule);
        if (previous != null && start <= previous) {
            lastEnd.put(rule, Math.max(previous, end));
            return;
        }
        lastEnd.put(rule, end);
        Map<String, Object> evidence = new LinkedHashMap<>(breach.figures());
        findings.add(FraudFinding.of(rule, trigger.userId(), trigger.platform(), start, end,
                window.stream().map(Purchase::transactionId).toList(), evidence));
    }

    public record Step(UserPurchases state, List<FraudFinding> findings) {
    }
}
