package io.gameflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Debian's real Prometheus, run with deploy/prometheus/prometheus.yml as docker compose would run it, but pointed at
 * the local stack: each job's target becomes 127.0.0.1 and the port of the service it names, the rule files are
 * the repository's, scraping and evaluating every second, and no Alertmanager.
 */
final class LocalPrometheus implements AutoCloseable {

    static final int PORT = 19090;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalPrometheus(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** @param jobPorts each scrape job of deploy/prometheus/prometheus.yml and the local port of its service */
    static LocalPrometheus start(Path root, Path dir, Map<String, Integer> jobPorts) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        YAML.writeValue(config.toFile(), localConfig(root, jobPorts));
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + PORT)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, dir);
        try {
            await("Prometheus to be ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("prometheus exited:\n" + prometheus.log());
                        }
                        return prometheus.get("/-/ready").statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private static JsonNode localConfig(Path root, Map<String, Integer> jobPorts) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(root.resolve("deploy/prometheus/prometheus.yml").toFile());
        config.with("global").put("scrape_interval", "1s").put("evaluation_interval", "1s");
        ArrayNode ruleFiles = config.putArray("rule_files");
        ruleFiles.add(root.resolve("deploy/prometheus/rules").toAbsolutePath() + "/*.yml");
        config.remove("alerting");
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            Integer port = jobPorts.get(name);
            if (port == null) {
                throw new AssertionError("deploy/prometheus/prometheus.yml scrapes job " + name + ", which the local stack does not run");
            }
            ArrayNode statics = ((ObjectNode) job).putArray("static_configs");
            statics.addObject().putArray("targets").add("127.0.0.1:" + port);
        }
        return config;
    }

    /** The instant vector of a query, as Prometheus's API answers it (data.result). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return JSON.readTree(response.body()).path("data").path("result");
    }

    /** The rule groups Prometheus loaded, with each rule's health (data.groups). */
    JsonNode ruleGroups() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/rules").body()).path("data").path("groups");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
