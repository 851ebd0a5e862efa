package io.gameflow.ingest;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A broker of its own for one test class, which the test may stop: the shared broker must stay up for the others. */
public class SecondBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka broker;

    static EmbeddedKafka broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafka.startOnFreePorts();
        broker.createTopics(Topics.ALL, 1);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        broker.deleteData();
    }
}
