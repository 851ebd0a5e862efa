package io.gameflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The local stack of {@code make run} (scripts/run-local-stack.sh), started as the user would start it, on
 * ports of its own so that it does not collide with a stack a developer left running.
 */
final class LocalStack implements AutoCloseable {

    static final int KAFKA_PORT = 19092;
    static final int INGEST_PORT = 18080;
    static final int GENERATOR_PORT = 18081;
    static final int ENGAGEMENT_PORT = 18082;
    static final int METRICS_PORT = 18083;
    /** Each service's management interface (/q/health, /q/metrics): a port of its own beside the API's. */
    static final int INGEST_MANAGEMENT_PORT = 19080;
    static final int GENERATOR_MANAGEMENT_PORT = 19081;
    static final int ENGAGEMENT_MANAGEMENT_PORT = 19082;
    static final int METRICS_MANAGEMENT_PORT = 19083;
    /** The stack's default development keys (scripts/run-local-stack.sh): client scope (player, purchase events)... */
    static final String CLIENT_API_KEY = "gameflow-local-dev-key";
    /** ...and server scope (server metrics). */
    static final String SERVER_API_KEY = "gameflow-local-server-key";
    /** The generator's default development admin key (scripts/run-local-stack.sh). */
    static final String ADMIN_KEY = "gameflow-local-admin-key";
    static final List<Integer> PORTS = List.of(KAFKA_PORT, INGEST_PORT, GENERATOR_PORT, ENGAGEMENT_PORT, METRICS_PORT,
            INGEST_MANAGEMENT_PORT, GENERATOR_MANAGEMENT_PORT, ENGAGEMENT_MANAGEMENT_PORT, METRICS_MANAGEMENT_PORT);

    private final Process process;
    private final Path output;
    private final Path runDir;

    private LocalStack(Process process, Path output, Path runDir) {
        this.process = process;
        this.output = output;
        this.runDir = runDir;
    }

    static LocalStack start() throws IOException {
        return start(Map.of());
    }

    /** The stack with some settings of scripts/run-local-stack.sh changed, e.g. a faster generator clock. */
    static LocalStack start(Map<String, String> settings) throws IOException {
        Path root = Path.of(System.getProperty("gameflow.root", ".."));
        Path runDir = Path.of(System.getProperty("gameflow.run-dir", "target/e2e-stack")).toAbsolutePath();
        Files.createDirectories(runDir.getParent());
        Path output = runDir.resolveSibling("e2e-stack.out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("scripts/run-local-stack.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of(
                "GAMEFLOW_RUN_DIR", runDir.toString(),
                "GAMEFLOW_BUILD", "never",
                "KAFKA_PORT", Integer.toString(KAFKA_PORT),
                "INGEST_PORT", Integer.toString(INGEST_PORT),
                "GENERATOR_PORT", Integer.toString(GENERATOR_PORT),
                "ENGAGEMENT_PORT", Integer.toString(ENGAGEMENT_PORT),
                "METRICS_PORT", Integer.toString(METRICS_PORT),
                "GAMEFLOW_GENERATOR_RATE", "200",
                // ingest also pulls the generator's sample web API, like an HTTP source connector
                "GAMEFLOW_INGEST_PULL_URLS", "http://127.0.0.1:" + GENERATOR_PORT + "/v1/generator/sample?type=server&count=5"));
        builder.environment().putAll(Map.of(
                "INGEST_MANAGEMENT_PORT", Integer.toString(INGEST_MANAGEMENT_PORT),
                "GENERATOR_MANAGEMENT_PORT", Integer.toString(GENERATOR_MANAGEMENT_PORT),
                "ENGAGEMENT_MANAGEMENT_PORT", Integer.toString(ENGAGEMENT_MANAGEMENT_PORT),
                "METRICS_MANAGEMENT_PORT", Integer.toString(METRICS_MANAGEMENT_PORT)));
        builder.environment().putAll(settings);
        LocalStack stack = new LocalStack(builder.start(), output, runDir);
        try {
            awaitReady(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private static void awaitReady(LocalStack stack) {
        await("the local stack to print GAMEFLOW READY").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!stack.process.isAlive()) {
                        throw new IllegalStateException("the stack exited:\n" + stack.output());
                    }
                    return stack.output().contains("GAMEFLOW READY");
                });
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack's working directory: logs/, kafka/ (with kafka/security/ when secured) and state/. */
    Path runDir() {
        return runDir;
    }

    /** What the run wrote: the script's own output, and every log under logs/ by file name. */
    Map<String, String> logs() {
        Map<String, String> logs = new java.util.TreeMap<>();
        logs.put(output.getFileName().toString(), output());
        try (var files = Files.list(runDir.resolve("logs"))) {
            for (Path file : files.toList()) {
                logs.put(file.getFileName().toString(), Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the stack as Ctrl-C would, and waits until the script and everything it started are gone. */
    @Override
    public void close() {
        process.destroy();
        if (!waitForExit()) {
            // the script did not stop its children in time: kill them too, so that no JVM outlives the test
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int exitCode() {
        return process.exitValue();
    }
}
