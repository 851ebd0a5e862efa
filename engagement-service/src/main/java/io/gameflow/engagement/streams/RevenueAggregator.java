package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.CurrencyRevenue;
import io.gameflow.engagement.domain.Purchase;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per currency (purchases re-keyed by it): revenue, refunds, the last hour by second, items and item types. */
final class RevenueAggregator implements Processor<String, Purchase, Void, Void> {

    private KeyValueStore<String, CurrencyRevenue> revenue;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.revenue = context.getStateStore(PurchaseTopology.REVENUE_STORE);
    }

    @Override
    public void process(Record<String, Purchase> record) {
        CurrencyRevenue current = revenue.get(record.key());
        revenue.put(record.key(), (current == null ? CurrencyRevenue.empty(record.key()) : current).plus(record.value()));
    }
}
