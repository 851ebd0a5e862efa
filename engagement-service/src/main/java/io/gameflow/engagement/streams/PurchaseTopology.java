package io.gameflow.engagement.streams;

import io.gameflow.streams.support.serde.JsonSerdes;
import io.gameflow.streams.support.trace.RecordTracing;
import io.gameflow.streams.support.input.Reading;
import io.gameflow.streams.support.input.ReadInput;
import io.gameflow.streams.support.input.InputReader;
import io.gameflow.streams.support.input.DeadLetters;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.EngagementSettings;
import io.gameflow.engagement.domain.FraudDetector;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.ItemTypeMean;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.UserPurchases;
import io.gameflow.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;

/**
 * {@code purchase-events} to fraud findings, top to bottom:
 * <ol>
 *   <li>read each record; what cannot be used goes, as received, to {@value #DEAD_LETTERS} with the reason;</li>
 *   <li>drop copies of an event already counted (its {@code event_id} seen within the dedupe window);</li>
 *   <li>per user (the input key), in one processor and one read and write of the user ({@link UserPurchaseAnalytics}):
 *   purchase velocity, currency hopping, refund abuse; the daily studio KPIs of money (net revenue, paying users,
 *   first-time payers);</li>
 *   <li>per item type and currency (re-keyed): amount outliers against its running mean;</li>
 *   <li>per currency (re-keyed): revenue, refunds, items;</li>
 *   <li>both send their findings, keyed by user, to {@value #FINDINGS}.</li>
 * </ol>
 */
public final class PurchaseTopology {

    /** user_id -> {@link UserPurchases}. */
    static final String USER_PURCHASES_STORE = "user-purchases";
    /** "item_type|currency" -> {@link ItemTypeMean}. */
    static final String ITEM_TYPE_MEANS_STORE = "item-type-means";
    /** currency -> {@link CurrencyRevenue}; queried by the REST API. */
    public static final String REVENUE_STORE = "currency-revenue";
    /** event_id -> event time, for the dedupe window. */
    static final String EVENT_IDS_STORE = "purchase-event-ids";
    /**
     * {@link io.gameflow.engagement.domain.kpi.KpiKeys} -> text: this task's paying users and first-time payers per day
     * (a count), its net revenue per day (a decimal), its first open day and "now".
     */
    public static final String PURCHASE_KPIS_STORE = "purchase-kpis";
    static final String FINDINGS = Topics.FRAUD_ALERTS;
    static final String DEAD_LETTERS = Topics.dlq(Topics.PURCHASE_EVENTS);

    private PurchaseTopology() {
    }

    static void addTo(StreamsBuilder builder, FraudRules rules, InputTime time, EngagementSettings settings,
                      EngagementMeters meters, RecordTracing tracing) {
        Duration dedupe = settings.dedupeWindow();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(EVENT_IDS_STORE, dedupe.multipliedBy(2), dedupe, false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USER_PURCHASES_STORE),
                Serdes.String(), JsonSerdes.of(UserPurchases.class)));
        // one entry per item type and currency, or per currency: in memory and cached, as EngagementTopology explains
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ITEM_TYPE_MEANS_STORE),
                Serdes.String(), JsonSerdes.of(ItemTypeMean.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REVENUE_STORE),
                Serdes.String(), JsonSerdes.of(CurrencyRevenue.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PURCHASE_KPIS_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        Produced<String, FraudFinding> findings = Produced.with(Serdes.String(), JsonSerdes.of(FraudFinding.class));

        InputReader<?, Purchase> reader = time.reader(InputTime.PURCHASE_EVENTS, () -> meters.clockSkewed(Topics.PURCHASE_EVENTS));
        Map<String, KStream<String, Reading<Purchase>>> read = builder
                .stream(Topics.PURCHASE_EVENTS, Consumed.with(Serdes.String(), Serdes.String()).withName("purchase-events-source"))
                .processValues(() -> new ReadInput<>(reader), Named.as("read-purchase"))
                .split(Named.as("purchases-"))
                .branch((key, reading) -> reading.isUsable(), Branched.as("usable"))
                .defaultBranch(Branched.as("unusable"));

        read.get("purchases-unusable")
                .process(() -> new DeadLetters<Purchase>(meters.purchasesDeadLettered()::increment), Named.as("purchase-dead-letter"))
                .to(DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.String()).withName("purchase-dead-letters-sink"));

        KStream<String, Purchase> purchases = read.get("purchases-usable").mapValues(Reading::value, Named.as("purchase"))
                .processValues(() -> new AdmitPurchases(dedupe, meters), Named.as("admit-purchases"), EVENT_IDS_STORE);

        // named for the fraud rules it began with: the name fixes its place in the topology
        purchases.process(() -> new UserPurchaseAnalytics(new FraudDetector(rules), settings.kpi(), settings.grace(), meters, tracing),
                        Named.as("user-fraud-rules"), USER_PURCHASES_STORE, PURCHASE_KPIS_STORE)
                .to(FINDINGS, findings.withName("user-fraud-findings-sink"));

        purchases.selectKey((user, purchase) -> purchase.currency(), Named.as("key-by-currency"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerdes.of(Purchase.class)).withName("purchases-by-currency"))
                .process(RevenueAggregator::new, Named.as("revenue"), REVENUE_STORE);

        purchases.filter((user, purchase) -> !purchase.isRefund(), Named.as("purchases-only"))
                // amounts in different currencies are not comparable: one mean per item type and currency
                .selectKey((user, purchase) -> purchase.itemType() + "|" + purchase.currency(), Named.as("key-by-item-type-and-currency"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerdes.of(Purchase.class)).withName("purchases-by-item-type-and-currency"))
                .process(() -> new AmountOutliers(rules, meters, tracing), Named.as("amount-outliers"), ITEM_TYPE_MEANS_STORE)
                .to(FINDINGS, findings.withName("outlier-findings-sink"));
    }
}
