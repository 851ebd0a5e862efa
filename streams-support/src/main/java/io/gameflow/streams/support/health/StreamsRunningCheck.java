package io.gameflow.streams.support.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Kafka Streams is RUNNING, i.e. while the stores answer queries. quarkus-kafka-streams'
 * own readiness check only looks for the input topics, and is UP long before the first query could be answered.
 *
 * <p>REBALANCING counts as not ready on purpose: queries then answer 503 anyway. If whole-fleet rebalances ever
 * take pods out of service for too long, relax this to "RUNNING once, REBALANCING now".
 */
@Readiness
@ApplicationScoped
public class StreamsRunningCheck implements HealthCheck {

    private final KafkaStreams streams;

    public StreamsRunningCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("Kafka Streams running")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name())
                .build();
    }
}
