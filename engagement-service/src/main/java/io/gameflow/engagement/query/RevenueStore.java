package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.PurchaseTopology;
import io.gameflow.engagement.domain.CurrencyRevenue;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interactive query of {@link PurchaseTopology#REVENUE_STORE}: the currencies of this instance's partitions. */
@ApplicationScoped
public class RevenueStore {

    private final KafkaStreams streams;

    public RevenueStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** By currency; @throws InvalidStateStoreException while the store cannot be read */
    public List<CurrencyRevenue> all() {
        ReadOnlyKeyValueStore<String, CurrencyRevenue> store = streams.store(
                StoreQueryParameters.fromNameAndType(PurchaseTopology.REVENUE_STORE, QueryableStoreTypes.keyValueStore()));
        List<CurrencyRevenue> currencies = new ArrayList<>();
        try (KeyValueIterator<String, CurrencyRevenue> all = store.all()) {
            all.forEachRemaining(entry -> currencies.add(entry.value));
        }
        currencies.sort(Comparator.comparing(CurrencyRevenue::currency));
        return currencies;
    }
}
