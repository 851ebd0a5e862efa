package io.gameflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code make bench} works on a fresh machine: every benchmark runs, tiny, against raw Kafka and the real services,
 * and the summary holds a row for every target. It asserts that each figure was measured, never how fast it is
 * (the speeds are published by a full run in bench/results/). The results go to target/, not bench/results/.
 */
class BenchSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", "..")).toAbsolutePath();
    private static final Path WORK = Path.of("target/bench-smoke").toAbsolutePath();

    @Test
    void everyBenchmarkMeasuresAndTheSummaryHasEveryTarget() throws Exception {
        Path results = WORK.resolve("results");
        Path output = WORK.resolve("run-all.out");
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bench/run-all.sh").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.ofEntries(
                Map.entry("BENCH_DIR", WORK.resolve("work").toString()),
                Map.entry("BENCH_RESULTS_DIR", results.toString()),
                Map.entry("PACING_RATES", "50"), Map.entry("PACING_WINDOW", "2"),
                Map.entry("INGEST_DURATION", "2"), Map.entry("INGEST_WARMUP", "1"), Map.entry("PRODUCER_RECORDS", "20000"),
                Map.entry("ANALYTICS_EVENTS", "3000"), Map.entry("ANALYTICS_METRICS", "3000"),
                Map.entry("PREFILL_RATE", "1000"), Map.entry("PREFILL_SERVERS", "300"),
                Map.entry("E2E_RATE", "200"), Map.entry("E2E_WARMUP", "3"), Map.entry("E2E_SETTLE", "1"),
                Map.entry("E2E_PLAYER_PROBES", "3"), Map.entry("E2E_ALERT_PROBES", "2")));
        Process run = builder.start();
        assertTrue(run.waitFor(20, TimeUnit.MINUTES), "make bench (tiny) still runs after 20 min");
        String log = Files.readString(output);
        assertEquals(0, run.exitValue(), log);

        JsonNode summary = EventJson.mapper().readTree(onlySummary(results).toFile());
        List<String> benchmarks = new ArrayList<>();
        summary.get("benchmarks").forEach(b -> benchmarks.add(b.get("benchmark").asText()));
        assertEquals(List.of("generator-pacing", "generator-pacing", "ingest", "analytics", "end-to-end"), benchmarks, log);
        List<String> targets = new ArrayList<>();
        summary.get("targets").forEach(t -> targets.add(t.get("what").asText()));
        for (String expected : List.of("batched ingest vs raw producer", "engagement-service, one instance",
                "metrics-service, one instance", "analytics (engagement) vs raw consumer",
                "analytics (metrics) vs raw consumer", "engagement scaling, 2 instances vs 1",
                "end-to-end p99, player_visible", "end-to-end p99, alert_on_topic", "RSS ingest-service",
                "RSS generator-service", "RSS engagement-service", "RSS metrics-service",
                "startup to ready, ingest-service", "startup to ready, generator-service",
                "startup to ready, engagement-service", "startup to ready, metrics-service")) {
            assertTrue(targets.stream().anyMatch(t -> t.startsWith(expected)), expected + " missing from " + targets);
        }
        JsonNode ingest = summary.get("benchmarks").get(2);
        assertTrue(ingest.get("raw_producer").get("records_per_s").asDouble() > 0, "the raw producer measured");
        ingest.get("results").forEach(row -> assertTrue(row.get("events_per_s").asDouble() > 0, row.toString()));
        summary.get("benchmarks").get(3).get("results")
                .forEach(row -> assertTrue(row.get("events_per_s").asDouble() > 0 && row.get("cpu_us_per_event").asDouble() > 0
                        && row.get("broker_cpu_us_per_event").asDouble() >= 0 && row.get("stolen_cpu_pct").asDouble() >= 0,
                        row.toString()));
        assertTrue(Files.readString(results.resolve(onlySummary(results).getFileName().toString().replace(".json", ".md")))
                .contains("## Where we stand"));
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Path onlySummary(Path results) throws Exception {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> summaries = files.filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json")).toList();
            assertEquals(1, summaries.size(), "one summary: " + summaries);
            return summaries.get(0);
        }
    }
}
