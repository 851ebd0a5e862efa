package io.gameflow.kafka.embedded;

import io.gameflow.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.utils.Exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: one real broker per test JVM (started on first use, stopped at JVM exit), the
 * GameFlow topics created, and a fresh Kafka Streams state directory for every application start, because
 * stale RocksDB state from an earlier broker corrupts counts.
 *
 * <p>Init arg {@code partitions} (default 3) sets the partitions of the created topics.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka broker;

    static {
        // a broker that hits a fatal error calls System.exit, which would end the whole test JVM without a word
        // about why; in tests, say who asked and let the failing test show the damage
        Exit.setExitProcedure((status, message) -> reportExit("exit", status, message));
        Exit.setHaltProcedure((status, message) -> reportExit("halt", status, message));
    }

    private static void reportExit(String kind, int status, String message) {
        new IllegalStateException("Kafka asked to " + kind + " the test JVM with status " + status + ": " + message)
                .printStackTrace();
    }
    private int partitions = 3;
    private Path stateDir;

    /** The shared broker of this JVM, started if needed; also for tests that need a client of their own. */
    public static synchronized EmbeddedKafka broker() {
        if (broker == null) {
            EmbeddedKafka started = EmbeddedKafka.startOnFreePorts();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", "3"));
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = broker();
        kafka.createTopics(Topics.ALL, partitions);
        stateDir = newStateDir();
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.kafka-streams.bootstrap-servers", kafka.bootstrapServers(),
                "kafka-streams.state.dir", stateDir.toString());
    }

    @Override
    public void stop() {
        // the broker outlives one application start (it is shared by every test class of this JVM); the state does not
        if (stateDir != null) {
            EmbeddedKafka.deleteDirectory(stateDir);
        }
    }

    private static Path newStateDir() {
        try {
            return Files.createTempDirectory("gameflow-streams-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
