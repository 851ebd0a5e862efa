package io.gameflow.engagement.domain;

import io.gameflow.events.PurchaseEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the purchase analytics need of one purchase event; event time in epoch ms. */
@RegisterForReflection
public record Purchase(String transactionId, String userId, String platform, String type, String currency,
                       double amount, String itemId, String itemType, long eventTimeMs) {

    public static Purchase of(PurchaseEvent event) {
        PurchaseEvent.Parameters p = event.parameters();
        return new Purchase(p.transactionId(), event.userData().userId(), event.userData().platform(),
                p.transactionType(), p.currency(), p.amount().doubleValue(), p.itemId(), p.itemType(),
                event.eventTime().toEpochMilli());
    }

    /** The same purchase counted at {@code timeMs} (see {@code ClockSkew}). */
    public Purchase at(long timeMs) {
        return new Purchase(transactionId, userId, platform, type, currency, amount, itemId, itemType, timeMs);
    }

    public boolean isRefund() {
        return PurchaseEvent.REFUND.equals(type);
    }
}
