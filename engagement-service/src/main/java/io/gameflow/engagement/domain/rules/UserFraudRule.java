package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.Purchase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fraud rule over one user's recent purchases and refunds, evaluated at a purchase event's time ("now"); what it
 * finds is reported as an episode by {@code FraudDetector}. docs/definitions.md, "Fraud rules", defines each.
 */
public interface UserFraudRule {

    /** The rule's name as findings carry it, e.g. {@code purchase_velocity}. */
    String name();

    /** What breaks the rule at {@code now}: the window's transactions and the figures compared; empty when nothing. */
    Optional<Breach> check(List<Purchase> recent, long now);

    /** The transactions of the window that broke the rule, in event-time order, and the figures as evidence. */
    record Breach(List<Purchase> window, Map<String, Object> figures) {
    }

    /** The purchases of (now − span, now] that match. */
    static List<Purchase> within(List<Purchase> recent, long now, long span, Predicate<Purchase> which) {
        return recent.stream().filter(p -> p.eventTimeMs() > now - span && p.eventTimeMs() <= now).filter(which).toList();
    }
}
