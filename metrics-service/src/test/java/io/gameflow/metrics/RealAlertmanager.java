package io.gameflow.metrics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on a free port, with a do-nothing receiver, for as
 * long as the tests that use it run. Fails with what to install when the binary is missing.
 */
public class RealAlertmanager implements QuarkusTestResourceLifecycleManager {

    private static final String CONFIG = """
            route:
              receiver: keep
              group_wait: 1s
            receivers:
              - name: keep
            """;

    private static volatile String url;
    private Process process;
    private Path dir;

    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        String binary = Stream.of("prometheus-alertmanager", "alertmanager").filter(RealAlertmanager::onPath).findFirst()
                .orElseThrow(() -> new IllegalStateException("Alertmanager is not installed: "
                        + "apt-get install -y --no-install-recommends prometheus-alertmanager (.ci/run does)"));
        try {
            dir = Files.createTempDirectory("alertmanager");
            Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
            int port = freePort();
            process = new ProcessBuilder(binary, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
            url = "http://127.0.0.1:" + port;
            awaitReady();
            return Map.of("gameflow.metrics.alertmanager.url", url,
                    "gameflow.metrics.alertmanager.resend-every", "2S");
        } catch (IOException e) {
            throw new IllegalStateException("could not start Alertmanager", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        if (dir != null) {
            // its config, log and data: nothing a later run reads, so nothing to leave in the machine's temp
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                dir.toFile().deleteOnExit();
            }
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException("Alertmanager not ready after 60 s: " + Files.readString(dir.resolve("alertmanager.log")));
    }

    private static boolean onPath(String binary) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
