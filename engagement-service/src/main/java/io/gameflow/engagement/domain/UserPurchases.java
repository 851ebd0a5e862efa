package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * One user's purchases and refunds within the longest rule window (bounded), and for each rule the end of the
 * window of its last finding: a new finding of that rule needs a window that starts after it, so each episode is
 * reported once.
 */
@RegisterForReflection
public record UserPurchases(List<Purchase> recent, Map<String, Long> lastFindingEnd) {

    public static final UserPurchases EMPTY = new UserPurchases(List.of(), Map.of());
    /** A user buying more than this within the longest window keeps only the latest; the rules still see enough. */
    static final int MAX_KEPT = 1_000;
}
