package io.gameflow.metrics.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One set of topology meters per service instance, shared by the topology and the REST answers. */
@ApplicationScoped
public class MetricsMetersProducer {

    @Produces
    @Singleton
    MetricsMeters meters(MeterRegistry registry) {
        return new MetricsMeters(registry);
    }
}
