package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.Purchase;
import io.gameflow.events.PurchaseEvent;

import java.util.ArrayList;
import java.util.List;

/** Purchases and refunds of one user for the rule tests; times in epoch ms. */
final class Purchases {

    static final long NOW = 1_700_000_000_000L;

    private Purchases() {
    }

    static Purchase purchase(String transactionId, String currency, long timeMs) {
        return new Purchase(transactionId, "user_1", "PC", PurchaseEvent.PURCHASE, currency, 10, "item_1", "skin", timeMs);
    }

    static Purchase refund(String transactionId, String currency, long timeMs) {
        return new Purchase(transactionId, "user_1", "PC", PurchaseEvent.REFUND, currency, 10, "item_1", "skin", timeMs);
    }

    /** {@code n} purchases in USD, one a second up to {@code NOW}, oldest first. */
    static List<Purchase> purchasesUpToNow(int n) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            purchases.add(purchase("tx_" + i, "USD", NOW - i * 1_000L));
        }
        return purchases;
    }
}
