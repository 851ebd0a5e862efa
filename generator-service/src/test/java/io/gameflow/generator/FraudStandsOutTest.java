package io.gameflow.generator;

import io.gameflow.events.EventKind;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.generator.domain.FraudActor;
import io.gameflow.generator.domain.FraudRing;
import io.gameflow.generator.domain.GameWorld;
import io.gameflow.generator.domain.GeneratedEvent;
import io.gameflow.generator.domain.WorldSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An hour of a world of 500 players at 50 events/s (each player ten times as busy as at the defaults) with the fraud
 * ring: the fraud actors' purchase rates stand out, and honest players' refunds never look like abuse.
 */
class FraudStandsOutTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void burstActorsBuyFarFasterThanAnyHonestPlayerAndOnlyHoppersUseSeveralCurrencies() {
        GameWorld world = new GameWorld(WorldSettings.plain(42, 500, 5, 3));
        FraudRing ring = new FraudRing(5, Duration.ofMinutes(5), T0);
        List<PurchaseEvent> purchases = new ArrayList<>();
        for (int tick = 0; tick < 36_000; tick++) { // an hour in tenths of a second, 5 events each
            Instant now = T0.plusMillis(tick * 100L);
            for (int i = 0; i < 5; i++) {
                collectPurchase(world.next(now), purchases);
            }
            ring.purchasesUntil(now).forEach(event -> collectPurchase(event, purchases));
        }
        Map<String, List<PurchaseEvent>> byUser = purchases.stream()
                .filter(p -> p.parameters().transactionType().equals(PurchaseEvent.PURCHASE))
                .collect(Collectors.groupingBy(p -> p.userData().userId()));
        Map<String, FraudActor.Pattern> fraud = ring.actors().stream()
                .collect(Collectors.toMap(FraudActor::userId, FraudActor::pattern));

        int honestMostPerMinute = byUser.entrySet().stream().filter(e -> !fraud.containsKey(e.getKey()))
                .mapToInt(e -> mostWithin(e.getValue(), Duration.ofMinutes(1))).max().orElse(0);
        assertTrue(byUser.size() > 100, "many honest buyers: " + byUser.size());
        assertTrue(honestMostPerMinute == 1, "no honest player buys twice a minute: " + honestMostPerMinute);
        fraud.forEach((user, pattern) -> {
            if (pattern == FraudActor.Pattern.PURCHASE_BURST) {
                assertTrue(mostWithin(byUser.get(user), Duration.ofMinutes(1)) > 5, user);
            }
        });

        long honestHoppers = byUser.entrySet().stream().filter(e -> !fraud.containsKey(e.getKey()))
                .filter(e -> e.getValue().stream().map(p -> p.parameters().currency()).distinct().count() > 1).count();
        assertTrue(honestHoppers == 0, honestHoppers + " honest players paid in several currencies");

        Map<String, List<PurchaseEvent>> transactionsByUser = purchases.stream()
                .filter(p -> !fraud.containsKey(p.userData().userId()))
                .collect(Collectors.groupingBy(p -> p.userData().userId()));
        long honestRefunds = 0;
        for (List<PurchaseEvent> transactions : transactionsByUser.values()) {
            List<PurchaseEvent> refunds = transactions.stream()
                    .filter(p -> p.parameters().transactionType().equals(PurchaseEvent.REFUND)).toList();
            honestRefunds += refunds.size();
            assertTrue(refunds.size() <= 1, "an honest player refunds at most once a day: " + refunds);
            for (PurchaseEvent refund : refunds) {
                assertTrue(transactions.stream().anyMatch(p -> p.parameters().transactionType().equals(PurchaseEvent.PURCHASE)
                        && p.parameters().itemId().equals(refund.parameters().itemId())
                        && p.eventTime().isBefore(refund.eventTime())), "a refund of something bought before: " + refund);
            }
        }
        assertTrue(honestRefunds > 0, "honest players do refund now and then");
    }

    private static void collectPurchase(GeneratedEvent event, List<PurchaseEvent> purchases) {
        if (event.kind() == EventKind.TRANSACTION) {
            purchases.add((PurchaseEvent) event.event());
        }
    }

    /** The most purchases of one user within any window of this length. */
    private static int mostWithin(List<PurchaseEvent> purchases, Duration window) {
        int most = 0;
        for (int start = 0, end = 0; end < purchases.size(); end++) {
            while (Duration.between(purchases.get(start).eventTime(), purchases.get(end).eventTime()).compareTo(window) >= 0) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
