package io.gameflow.engagement.domain;

import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * One user's purchases and refunds within the longest rule window (bounded), and for each rule the end of the
 * window of its last finding: a new finding of that rule needs a window that starts after it, so each episode is
 * reported once; and, for the studio KPIs, the days the user bought on, per currency and in any ({@code *}).
 */
@RegisterForReflection
public record UserPurchases(List<Purchase> recent, Map<String, Long> lastFindingEnd, Map<String, ActiveDays> payerDays) {

    public static final UserPurchases EMPTY = new UserPurchases(List.of(), Map.of(), Map.of());

    public UserPurchases {
        // a value written before the studio KPIs has no payer days: the user counts as a payer from their next purchase
        payerDays = payerDays == null ? Map.of() : payerDays;
    }

    public UserPurchases withPayerDays(Map<String, ActiveDays> days) {
        return days == payerDays ? this : new UserPurchases(recent, lastFindingEnd, Map.copyOf(days));
    }
    /** A user buying more than this within the longest window keeps only the latest; the rules still see enough. */
    static final int MAX_KEPT = 1_000;
}
