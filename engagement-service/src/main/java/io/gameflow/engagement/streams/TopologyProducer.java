package io.gameflow.engagement.streams;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the topology to quarkus-kafka-streams, which starts it once the input topics exist. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(MeterRegistry registry) {
        return LevelMapTopology.build(registry);
    }
}
