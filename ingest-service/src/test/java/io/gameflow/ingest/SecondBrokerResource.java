package io.gameflow.ingest;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A broker of its own for one test class, which the test may stop and bring back: the shared broker must stay up for
 * the others.
 */
public class SecondBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static final List<Path> DATA_DIRS = new ArrayList<>();
    private static int[] ports;
    private static EmbeddedKafka broker;

    static EmbeddedKafka broker() {
        return broker;
    }

    static void stopBroker() {
        broker.stop();
        broker = null;
    }

    /**
     * A broker again where the stopped one listened, so ingest's clients find it at the same address. It starts on
     * a new data directory: what the test needs is a broker that answers again, not the old one's records.
     */
    static void bringBack() {
        broker = startWithTopics();
    }

    @Override
    public Map<String, String> start() {
        ports = EmbeddedKafka.freePorts(2);
        broker = startWithTopics();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    private static EmbeddedKafka startWithTopics() {
        try {
            Path dataDir = Files.createTempDirectory("gameflow-kafka-");
            DATA_DIRS.add(dataDir);
            EmbeddedKafka started = EmbeddedKafka.start(dataDir, ports[0], ports[1]);
            started.createTopics(Topics.ALL, 1);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        DATA_DIRS.forEach(EmbeddedKafka::deleteDirectory);
        DATA_DIRS.clear();
    }
}
