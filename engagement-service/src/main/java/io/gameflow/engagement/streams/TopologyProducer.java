package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.config.EngagementConfig;
import io.gameflow.streams.support.trace.RecordTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

/** Hands the topology to quarkus-kafka-streams, which starts it once the input topics exist. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(EngagementConfig config, EngagementMeters meters, OpenTelemetry openTelemetry) {
        return EngagementTopology.build(config.settings(), config.fraudRules(),
                InputTime.from(config), meters, new RecordTracing(openTelemetry));
    }

    @Produces
    @Singleton
    EngagementMeters meters(MeterRegistry registry) {
        return new EngagementMeters(registry);
    }
}
