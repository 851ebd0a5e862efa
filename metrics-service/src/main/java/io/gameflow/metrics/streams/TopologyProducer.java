package io.gameflow.metrics.streams;

import io.gameflow.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the topology to quarkus-kafka-streams, which runs it and reports its state to /q/health/ready. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(MeterRegistry registry) {
        return ServerLatestTopology.build(new SkippedRecords(registry, Topics.SERVER_METRICS));
    }
}
