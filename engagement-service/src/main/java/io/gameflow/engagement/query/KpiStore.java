package io.gameflow.engagement.query;

import io.gameflow.engagement.domain.kpi.KpiParts;
import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.streams.PurchaseTopology;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;


/**
 * Interactive query of the KPI counters of this instance's tasks (in {@link EngagementTopology#ACTIVE_COUNTS_STORE}
 * and {@link PurchaseTopology#PURCHASE_KPIS_STORE}), added up as
 * {@link KpiParts}: the days asked for only, as the stores keep up to a year and more of them.
 */
@ApplicationScoped
public class KpiStore {

    private final KafkaStreams streams;

    public KpiStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The counters of the days {@code fromDay} to {@code toDay} (epoch days, inclusive), and the tasks' own state; no
     * counters when {@code fromDay > toDay}.
     *
     * @throws InvalidStateStoreException while a store cannot be read: not started yet, rebalancing, restoring
     */
    public KpiParts local(int fromDay, int toDay) {
        KpiParts.Collector collector = new KpiParts.Collector(fromDay, toDay);
        try (KeyValueIterator<String, Long> all = this.<Long>store(EngagementTopology.ACTIVE_COUNTS_STORE).all()) {
            all.forEachRemaining(entry -> collector.count(entry.key, entry.value));
        }
        try (KeyValueIterator<String, String> all = this.<String>store(PurchaseTopology.PURCHASE_KPIS_STORE).all()) {
            all.forEachRemaining(entry -> collector.text(entry.key, entry.value));
        }
        return collector.parts();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
