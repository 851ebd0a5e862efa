package io.gameflow.engagement.query;

import io.gameflow.engagement.domain.kpi.KpiKeys;
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

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Interactive query of the KPI counters of this instance's tasks ({@link EngagementTopology#PLAYER_KPIS_STORE},
 * {@link PurchaseTopology#PURCHASE_KPIS_STORE}, {@link PurchaseTopology#REVENUE_DAYS_STORE}), added up as
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
        Map<String, Long> counts = new HashMap<>();
        Long[] taskState = new Long[2];
        for (String name : new String[] {EngagementTopology.PLAYER_KPIS_STORE, PurchaseTopology.PURCHASE_KPIS_STORE}) {
            try (KeyValueIterator<String, Long> all = this.<Long>store(name).all()) {
                all.forEachRemaining(entry -> {
                    if (KpiKeys.isTaskState(entry.key) || within(entry.key, fromDay, toDay)) {
                        KpiParts.addEntry(counts, taskState, entry.key, entry.value);
                    }
                });
            }
        }
        Map<String, BigDecimal> revenue = new HashMap<>();
        try (KeyValueIterator<String, String> all = this.<String>store(PurchaseTopology.REVENUE_DAYS_STORE).all()) {
            all.forEachRemaining(entry -> {
                if (within(entry.key, fromDay, toDay)) {
                    revenue.merge(entry.key, new BigDecimal(entry.value), BigDecimal::add);
                }
            });
        }
        return new KpiParts(counts, revenue, taskState[0], taskState[1]);
    }

    /** Whether a counter is needed for the days asked: a running sum's every change up to the last of them. */
    private static boolean within(String key, int fromDay, int toDay) {
        int day = KpiKeys.dayOf(key);
        return (day >= fromDay || KpiKeys.isRunningSum(key)) && day <= toDay && fromDay <= toDay;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
