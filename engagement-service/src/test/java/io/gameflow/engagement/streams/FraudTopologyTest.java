package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.events.EventHeaders;
import io.gameflow.events.EventJson;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fraud rule fires exactly once for its pattern and never for honest buyers. */
class FraudTopologyTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> findings;
    private int transactions;

    @BeforeEach
    void start() {
        driver = EngagementDriver.open(stateDir, registry, Instant.now());
        input = driver.createInputTopic(Topics.PURCHASE_EVENTS, new StringSerializer(), new StringSerializer());
        findings = driver.createOutputTopic(Topics.FRAUD_ALERTS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void buy(String user, String type, String currency, String amount, String itemType, int second) {
        PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters("t" + (++transactions), type, currency,
                new BigDecimal(amount), itemType + "_item", itemType), T0.plusSeconds(second), new UserData(user, "PC"));
        input.pipeInput(user, EventJson.write(event));
    }

    private List<String> found() {
        return findings.readValuesToList().stream().map(EventJson::readTree)
                .map(f -> f.get("rule").asText() + "@" + f.get("user_id").asText()).toList();
    }

    /** Honest buyers: one purchase every 2 minutes each, in one currency, catalogue prices, a rare refund. */
    private void honestTraffic(int fromSecond, int toSecond) {
        for (int s = fromSecond; s < toSecond; s += 10) {
            String user = "honest_" + (s / 10 % 12);
            buy(user, "purchase", "EUR", s % 30 == 0 ? "4.99" : "9.99", "skin", s);
        }
    }

    @Test
    void revenueIsKeptPerCurrencyOverTheLastMinuteTheLastHourAndInTotal() {
        buy("a", "purchase", "EUR", "10.00", "skin", 0);
        buy("b", "purchase", "EUR", "5.00", "boost", 3000);
        buy("c", "purchase", "EUR", "2.50", "boost", 3590);
        buy("a", "refund", "EUR", "10.00", "skin", 3595);
        buy("d", "purchase", "USD", "1.00", "boost", 3600);
        CurrencyRevenue eur = driver.<String, CurrencyRevenue>getKeyValueStore(PurchaseTopology.REVENUE_STORE).get("EUR");
        long asOf = T0.plusSeconds(3600).getEpochSecond();
        assertEquals(17.5, eur.revenue(), 1e-9);
        assertEquals(2.5, eur.revenueWithin(asOf, 60), 1e-9, "the purchase 10 s before");
        assertEquals(7.5, eur.revenueWithin(asOf, 3600), 1e-9, "not the one an hour before");
        assertEquals(1, eur.refunds());
        assertEquals(1.0 / 3, eur.refundRate(), 1e-9);
        assertEquals(7.5, eur.byItemType().get("boost"), 1e-9);
        assertEquals(2, eur.items().get("boost_item").purchases());
    }

    /**
     * A client that got no answer (a 503, a broken connection) sends the same batch again: each copy carries the same
     * event_id, and counts once in revenue and in the fraud rules. Four purchases sent three times each would
     * otherwise be twelve, over the velocity limit of five a minute.
     */
    @Test
    void aPurchaseSentAgainCountsOnce() {
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < 4; i++) {
                PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters("resent-" + i, "purchase", "EUR",
                        new BigDecimal("2.00"), "boost_item", "boost"), T0.plusSeconds(i), new UserData("resender", "PC"));
                RecordHeaders headers = new RecordHeaders();
                headers.add(EventHeaders.EVENT_ID, ("purchase-event-" + i).getBytes(StandardCharsets.UTF_8));
                input.pipeInput(new TestRecord<>("resender", EventJson.write(event), headers, Instant.now()));
            }
        }
        CurrencyRevenue eur = driver.<String, CurrencyRevenue>getKeyValueStore(PurchaseTopology.REVENUE_STORE).get("EUR");
        assertEquals(8.0, eur.revenue(), 1e-9, "four purchases of 2.00, each counted once");
        assertEquals(4, eur.items().get("boost_item").purchases());
        assertEquals(List.of(), found(), "copies make no velocity finding");
        assertEquals(8.0, registry.get(EngagementMeters.DUPLICATES).counter().count(), "the two copies of each purchase");
    }

    @Test
    void honestBuyersTripNothing() {
        honestTraffic(0, 3600);
        buy("honest_1", "refund", "EUR", "4.99", "skin", 3601);
        assertEquals(List.of(), found());
    }

    @Test
    void aBurstOfPurchasesIsOneVelocityFinding() {
        honestTraffic(0, 300);
        for (int i = 0; i < 8; i++) {
            buy("burst", "purchase", "USD", "0.99", "boost", 400 + 5 * i);
        }
        List<JsonNode> all = findings.readValuesToList().stream().map(EventJson::readTree).toList();
        assertEquals(1, all.size(), all::toString);
        JsonNode finding = all.get(0);
        assertEquals(FraudRules.VELOCITY, finding.get("rule").asText());
        assertEquals("burst", finding.get("user_id").asText());
        assertEquals(6, finding.get("evidence").get("purchases").asInt(), "fired at the sixth purchase within a minute");
        assertEquals(6, finding.get("transactions").size());
        assertEquals(T0.plusSeconds(400).toString(), finding.get("window_start").asText());

        for (int i = 0; i < 8; i++) {
            buy("burst", "purchase", "USD", "0.99", "boost", 700 + 5 * i);
        }
        assertEquals(List.of(FraudRules.VELOCITY + "@burst"), found(), "a new burst later is a new episode");
    }

    @Test
    void payingInSeveralCurrenciesIsOneHoppingFinding() {
        buy("hopper", "purchase", "USD", "9.99", "skin", 0);
        buy("hopper", "purchase", "EUR", "9.99", "skin", 60);
        buy("hopper", "purchase", "GBP", "9.99", "skin", 120);
        assertEquals(List.of(FraudRules.HOPPING + "@hopper"), found());
    }

    @Test
    void refundingMostPurchasesIsOneRefundAbuseFinding() {
        for (int i = 0; i < 4; i++) {
            buy("refunder", "purchase", "EUR", "6.49", "weapon", 20 * i);
        }
        for (int i = 0; i < 4; i++) {
            buy("refunder", "refund", "EUR", "6.49", "weapon", 100 + 20 * i);
        }
        assertEquals(List.of(FraudRules.REFUNDS + "@refunder"), found(), "fires at the third refund, once");
    }

    @Test
    void anAmountFarAboveItsItemTypesMeanIsOneOutlierFinding() {
        honestTraffic(0, 600);
        buy("outlier", "purchase", "EUR", "99.90", "skin", 601);
        List<JsonNode> all = findings.readValuesToList().stream().map(EventJson::readTree).toList();
        assertEquals(1, all.size(), all::toString);
        assertEquals(FraudRules.OUTLIER, all.get(0).get("rule").asText());
        double mean = all.get(0).get("evidence").get("item_type_mean").asDouble();
        assertTrue(mean > 4.99 && mean < 9.99, "the honest mean: " + mean);
        buy("honest_2", "purchase", "EUR", "9.99", "skin", 602);
        assertEquals(List.of(), found(), "the outlier did not raise the mean");
        assertEquals(1.0, registry.get(EngagementMeters.FRAUD).tag("rule", FraudRules.OUTLIER).counter().count());
    }

    @Test
    void anAmountIsMeasuredAgainstTheMeanOfItsOwnCurrency() {
        honestTraffic(0, 600);
        // 1,500 yen is an ordinary skin price: far above the euro mean, but yen have a mean of their own
        buy("yen_buyer", "purchase", "JPY", "1500", "skin", 601);
        assertEquals(List.of(), found(), "no outlier across currencies");
    }

    /** Untraced here (no SDK): the finding still carries on the trace and names the event of the purchase that tripped it. */
    @Test
    void aFindingCarriesOnTheTraceAndTheEventIdOfThePurchaseThatTrippedIt() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        for (int i = 0; i < 6; i++) {
            PurchaseEvent event = new PurchaseEvent(new PurchaseEvent.Parameters("traced-" + i, "purchase", "EUR",
                    new BigDecimal("0.99"), "gem_item", "gem"), T0.plusSeconds(i), new UserData("traced", "PC"));
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventHeaders.EVENT_ID, ("traced-event-" + i).getBytes(StandardCharsets.UTF_8));
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            input.pipeInput(new TestRecord<>("traced", EventJson.write(event), headers, T0.plusSeconds(i)));
        }
        buy("untraced", "purchase", "EUR", "0.99", "gem", 0);
        for (int i = 1; i < 6; i++) {
            buy("untraced", "purchase", "EUR", "0.99", "gem", i);
        }
        List<TestRecord<String, String>> out = findings.readRecordsToList();
        assertEquals(2, out.size(), out::toString);
        TestRecord<String, String> traced = out.stream().filter(r -> r.key().equals("traced")).findFirst().orElseThrow();
        assertEquals("traced-event-5", new String(traced.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8));
        assertTrue(new String(traced.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"), "the trace goes on");
        TestRecord<String, String> untraced = out.stream().filter(r -> r.key().equals("untraced")).findFirst().orElseThrow();
        assertEquals(null, untraced.headers().lastHeader("traceparent"), "no trace where the purchase had none");
    }
}
