package io.gameflow.generator.domain;

import io.gameflow.events.EventJson;
import io.gameflow.events.EventValidator;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.ValidationLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FraudRingTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    private static List<PurchaseEvent> purchasesOf(List<GeneratedEvent> events, String user) {
        return events.stream().filter(e -> e.key().equals(user)).map(e -> (PurchaseEvent) e.event()).toList();
    }

    @Test
    void theSameStartGivesTheSamePurchasesInTimeOrderAllValid() {
        List<GeneratedEvent> first = new FraudRing(5, Duration.ofMinutes(5), START).purchasesUntil(START.plus(Duration.ofMinutes(30)));
        List<GeneratedEvent> second = new FraudRing(5, Duration.ofMinutes(5), START).purchasesUntil(START.plus(Duration.ofMinutes(30)));
        assertEquals(first.stream().map(e -> EventJson.write(e.event())).toList(), second.stream().map(e -> EventJson.write(e.event())).toList());

        EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(List.of(), validator.validate(EventJson.readTree(EventJson.write(first.get(i).event()))));
            if (i > 0) {
                assertFalse(((PurchaseEvent) first.get(i).event()).eventTime().isBefore(((PurchaseEvent) first.get(i - 1).event()).eventTime()));
            }
        }
    }

    @Test
    void eachPatternTripsItsRuleEveryRound() {
        FraudRing ring = new FraudRing(4, Duration.ofMinutes(5), START);
        List<GeneratedEvent> events = ring.purchasesUntil(START.plus(Duration.ofMinutes(14)));
        Map<FraudActor.Pattern, String> users = ring.actors().stream()
                .collect(Collectors.toMap(FraudActor::pattern, FraudActor::userId));

        List<PurchaseEvent> burst = purchasesOf(events, users.get(FraudActor.Pattern.PURCHASE_BURST));
        assertEquals(3 * 8, burst.size(), "three rounds of eight");
        assertTrue(Duration.between(burst.get(0).eventTime(), burst.get(5).eventTime()).compareTo(Duration.ofMinutes(1)) < 0,
                "six purchases within a minute");

        List<PurchaseEvent> hops = purchasesOf(events, users.get(FraudActor.Pattern.CURRENCY_HOPPING)).subList(0, 3);
        assertEquals(3, hops.stream().map(p -> p.parameters().currency()).distinct().count());
        assertTrue(Duration.between(hops.get(0).eventTime(), hops.get(2).eventTime()).compareTo(Duration.ofMinutes(10)) < 0);

        List<PurchaseEvent> refundRound = purchasesOf(events, users.get(FraudActor.Pattern.REFUND_ABUSE)).subList(0, 8);
        long refunds = refundRound.stream().filter(p -> p.parameters().transactionType().equals(PurchaseEvent.REFUND)).count();
        assertEquals(4, refunds);
        assertTrue(Duration.between(refundRound.get(0).eventTime(), refundRound.get(7).eventTime()).compareTo(Duration.ofHours(24)) < 0);

        List<PurchaseEvent> outliers = purchasesOf(events, users.get(FraudActor.Pattern.AMOUNT_OUTLIER));
        assertEquals(3, outliers.size(), "one a round");
        double skinMean = Catalogue.ITEMS.stream().filter(item -> item.type().equals("skin"))
                .mapToDouble(item -> item.price().doubleValue()).average().orElseThrow();
        for (PurchaseEvent outlier : outliers) {
            assertEquals("skin", outlier.parameters().itemType());
            assertTrue(outlier.parameters().amount().doubleValue() > 2.5 * skinMean, outlier.parameters().amount() + " vs mean " + skinMean);
        }
    }

    @Test
    void nothingIsDueBeforeTheFirstRound() {
        assertEquals(List.of(), new FraudRing(5, Duration.ofMinutes(5), START).purchasesUntil(START.plusSeconds(19)));
    }
}
