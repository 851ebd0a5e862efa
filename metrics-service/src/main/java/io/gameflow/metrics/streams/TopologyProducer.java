package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.metrics.config.MetricsConfig;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the topology to quarkus-kafka-streams, which runs it. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(RuleBook rules, MetricsMeters meters, MetricsConfig config, OpenTelemetry openTelemetry) {
        return MetricsTopology.build(rules, meters, config.silence().checkEvery(),
                new ServerLimits(config.forgetAfter(), config.maxServers()).checkedAgainst(rules),
                new RecordTracing(openTelemetry));
    }
}
