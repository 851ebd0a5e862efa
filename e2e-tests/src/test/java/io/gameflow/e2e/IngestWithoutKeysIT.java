package io.gameflow.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged ingest-service, started as an operator would: without an API key it must refuse to start. */
class IngestWithoutKeysIT {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));

    @Test
    void refusesToStartWithoutAKeyAndSaysWhatToSet() throws Exception {
        Path log = Files.createTempFile("ingest-no-keys", ".log");
        Process ingest = start(log, Map.of("INGEST_API_KEYS", ""));
        try {
            assertTrue(ingest.waitFor(2, TimeUnit.MINUTES), "ingest kept running without a key");
            assertNotEquals(0, ingest.exitValue());
            String output = Files.readString(log);
            assertTrue(output.contains("No API key configured") && output.contains("INGEST_AUTH_ENABLED=false"), output);
        } finally {
            ingest.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void startsWithoutAKeyWhenAuthIsExplicitlyOff() throws Exception {
        Path log = Files.createTempFile("ingest-auth-off", ".log");
        Process ingest = start(log, Map.of("INGEST_API_KEYS", "", "INGEST_AUTH_ENABLED", "false"));
        try {
            await("ingest starts with auth off").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertTrue(ingest.isAlive(), () -> "ingest exited: " + read(log));
                        return read(log).contains("started in");
                    });
            assertTrue(read(log).contains("API keys are off"), read(log));
        } finally {
            ingest.destroy();
            ingest.waitFor(30, TimeUnit.SECONDS);
            ingest.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static Process start(Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-jar",
                ROOT.resolve("ingest-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("INGEST_PORT", Integer.toString(freePort()));
        // no broker is needed to decide about keys; nothing listens here
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort());
        return builder.start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
