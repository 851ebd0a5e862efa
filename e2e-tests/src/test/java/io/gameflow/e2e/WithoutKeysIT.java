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

/** The packaged services, started as an operator would: without their keys they must refuse to start. */
class WithoutKeysIT {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));

    @Test
    void ingestRefusesToStartWithoutAnApiKeyAndSaysWhatToSet() throws Exception {
        assertRefusesToStart("ingest-service", Map.of("GAMEFLOW_INGEST_AUTH_KEYS", ""),
                "No API key configured", "GAMEFLOW_INGEST_AUTH_ENABLED=false");
    }

    @Test
    void ingestRefusesToStartWithAKeyEntryItCannotReadAndSaysWhichAndWhy() throws Exception {
        assertRefusesToStart("ingest-service", Map.of("GAMEFLOW_INGEST_AUTH_KEYS", "game:k-0123456789:client,ops:k-9876543210:sever"),
                "GAMEFLOW_INGEST_AUTH_KEYS", "API key 'ops' has an unknown scope word");
    }

    @Test
    void startsWithoutAKeyWhenAuthIsExplicitlyOff() throws Exception {
        Path log = Files.createTempFile("ingest-auth-off", ".log");
        Process ingest = start("ingest-service", log, Map.of("GAMEFLOW_INGEST_AUTH_KEYS", "", "GAMEFLOW_INGEST_AUTH_ENABLED", "false"));
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

    @Test
    void theGeneratorRefusesToStartWithoutAnAdminKeyAndSaysWhatToSet() throws Exception {
        assertRefusesToStart("generator-service", Map.of("GAMEFLOW_GENERATOR_ADMIN_KEY", "", "GAMEFLOW_GENERATOR_AUTOSTART", "false"),
                "No admin key configured", "GAMEFLOW_GENERATOR_ADMIN_ENABLED=false");
    }

    private static void assertRefusesToStart(String service, Map<String, String> env, String... said) throws Exception {
        Path log = Files.createTempFile(service + "-no-key", ".log");
        Process process = start(service, log, env);
        try {
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), service + " kept running without its key");
            assertNotEquals(0, process.exitValue());
            String output = Files.readString(log);
            for (String phrase : said) {
                assertTrue(output.contains(phrase), output);
            }
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static Process start(String service, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-jar",
                ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
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
