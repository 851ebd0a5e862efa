package io.gameflow.engagement.observability;

import io.gameflow.engagement.query.RevenueStore;
import io.gameflow.engagement.domain.CurrencyRevenue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code gameflow_engagement_revenue_total{currency}} and {@code gameflow_engagement_refunded_total{currency}}: the
 * revenue of the currencies this instance holds, refreshed every 5 s, at most {@value #MAX_CURRENCIES} currencies so
 * that labels stay bounded: those with the most revenue (then purchases), so that made-up currencies with tiny
 * amounts cannot push a real one out. Currencies are held by one instance each, so Prometheus sums them.
 */
@ApplicationScoped
public class RevenueGauges {

    static final int MAX_CURRENCIES = 20;

    private final RevenueStore store;
    private final MultiGauge revenue;
    private final MultiGauge refunded;
    private final ScheduledExecutorService refresher =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "revenue-gauges"));

    public RevenueGauges(RevenueStore store, MeterRegistry registry) {
        this.store = store;
        this.revenue = MultiGauge.builder("gameflow.engagement.revenue.total")
                .description("Revenue of purchases since the start, per currency").register(registry);
        this.refunded = MultiGauge.builder("gameflow.engagement.refunded.total")
                .description("Amount refunded since the start, per currency").register(registry);
    }

    void start(@Observes StartupEvent event) {
        refresher.scheduleWithFixedDelay(this::refresh, 5, 5, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    void refresh() {
        List<CurrencyRevenue> currencies;
        try {
            currencies = shown(store.all());
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            return;
        }
        revenue.register(currencies.stream()
                .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("currency", c.currency()), c.revenue())).toList(), true);
        refunded.register(currencies.stream()
                .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("currency", c.currency()), c.refunded())).toList(), true);
    }

    /** The currencies that get series: by revenue, then purchases, then refunds, most first. */
    static List<CurrencyRevenue> shown(List<CurrencyRevenue> all) {
        return LabelCap.mostActive(all, MAX_CURRENCIES, Comparator.comparingDouble(CurrencyRevenue::revenue)
                .thenComparingLong(CurrencyRevenue::purchases)
                .thenComparingDouble(CurrencyRevenue::refunded)
                .reversed(), CurrencyRevenue::currency);
    }
}
