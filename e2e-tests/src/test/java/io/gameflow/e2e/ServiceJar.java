package io.gameflow.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One packaged service started as an operator would: its jar, an environment, a log file; stopped with SIGTERM, or
 * killed as {@code kill -9} would and started again on the same environment, port and log.
 */
final class ServiceJar implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));

    private final String service;
    private final Map<String, String> env;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final boolean ownsLog;
    private Process process;
    private long startedNanos;

    ServiceJar(String service, int port, Map<String, String> env) throws IOException {
        this(service, port, env, Files.createTempFile(service, ".log"), true);
    }

    /** A service that logs to {@code log}, which {@link #close()} keeps, for a test that reports on it afterwards. */
    ServiceJar(String service, int port, Map<String, String> env, Path log) throws IOException {
        this(service, port, env, log, false);
    }

    private ServiceJar(String service, int port, Map<String, String> env, Path log, boolean ownsLog) throws IOException {
        this.service = service;
        this.port = port;
        // health lives on the management interface, a port of its own: a free one
        this.managementPort = freePort();
        Map<String, String> withManagement = new HashMap<>(env);
        withManagement.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        this.env = Map.copyOf(withManagement);
        this.log = log;
        this.ownsLog = ownsLog;
        Files.createDirectories(log.toAbsolutePath().getParent());
    }

    String name() {
        return service;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A URL of the management interface, where /q/health and /q/metrics live. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    /** Starts the service; also again after {@link #stop()} or {@link #kill()}, appending to the same log. */
    ServiceJar start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(service + " on " + port + " is running already");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx192m", "-jar",
                ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        startedNanos = System.nanoTime();
        process = builder.start();
        return this;
    }

    /** {@link System#nanoTime()} just before the latest {@link #start()}: where a restart's recovery time begins. */
    long startedNanos() {
        return startedNanos;
    }

    void awaitReady(Duration timeout) {
        await(service + " on " + port + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    assertTrue(process.isAlive(), () -> service + " exited: " + log());
                    return given().get(managementUrl("/q/health/ready")).statusCode() == 200;
                });
    }

    /** SIGTERM, as Kubernetes or Ctrl-C would, and wait for the end. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, nothing is committed, no group is left. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return log;
    }

    /** The exit status of a process that ended. */
    int exitValue() {
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        if (ownsLog) {
            Files.deleteIfExists(log);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
