package io.gameflow.e2e;

import io.gameflow.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker of {@code make run} (io.gameflow.kafka.embedded.StandaloneBroker, on the classpath
 * scripts/run-local-stack.sh uses) as an OS process of its own, so that a test can kill it as {@code kill -9} would and
 * start it again on the same data directory and ports: it then serves the topics, records and offsets it had.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));
    private static final String MAIN_CLASS = "io.gameflow.kafka.embedded.StandaloneBroker";

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private Process process;
    private long startedNanos;
    private long logLengthAtStart;

    BrokerProcess(Path dataDir, Path log) {
        this.dataDir = dataDir;
        this.log = log;
        int[] ports = EmbeddedKafka.freePorts(2);
        this.port = ports[0];
        this.controllerPort = ports[1];
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on the data directory, keeping what an earlier broker left there (no --fresh). */
    BrokerProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker on " + port + " is running already");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        logLengthAtStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS",
                // what a restart spends its time on: recovering the unflushed logs, registering with the controller
                "-Dorg.slf4j.simpleLogger.log.kafka.log.LogManager=info",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.BrokerLifecycleManager=info",
                "-cp", classpath(), MAIN_CLASS,
                "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(), "--partitions", "6"));
        startedNanos = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Waits for this start's {@code KAFKA READY} line: the broker answers and the GameFlow topics exist. */
    void awaitReady(Duration timeout) {
        await("KAFKA READY in " + log).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the broker exited with " + process.exitValue() + ":\n" + log());
            }
            return logSinceStart().contains("KAFKA READY " + bootstrapServers());
        });
    }

    /** Whether an admin client gets the cluster's nodes within a second: the broker serves clients. */
    boolean answersAdminCalls() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes()
                    .get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGKILL: the broker writes nothing more, its log segments and metadata stay as they are on disk. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker (pid " + process.pid() + ") outlived SIGKILL for 30 s");
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return log;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String logSinceStart() throws IOException {
        String all = Files.readString(log);
        return all.length() >= logLengthAtStart ? all.substring((int) logLengthAtStart) : all;
    }

    /** SIGTERM: the broker's shutdown hook stops it cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The broker's own classes and their runtime dependencies as the build wrote them (target/classpath.txt), with
     * slf4j-simple as the logging provider (target/classpath-logging.txt): the test JVM's classpath also holds the
     * JBoss provider of the services' libraries, which would take the broker's log away from its output.
     */
    private static String classpath() {
        Path module = ROOT.resolve("kafka-embedded/target");
        List<String> parts = new ArrayList<>();
        parts.add(module.resolve("classes").toString());
        for (String file : List.of("classpath.txt", "classpath-logging.txt")) {
            Path listing = module.resolve(file);
            if (!Files.exists(listing)) {
                throw new IllegalStateException(listing + " is missing; build first: ./mvnw package -DskipTests");
            }
            try {
                parts.add(Files.readString(listing).trim());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }
}
