package io.gameflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every metric name that deploy/prometheus's rules and deploy/grafana's dashboards read, with where it is read. */
final class DeployMetricNames {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployMetricNames() {
    }

    /** Metric name -> the rule files and dashboards that read it. */
    static Map<String, Set<String>> in(Path root) {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path rules : files(root.resolve("deploy/prometheus/rules"), ".yml")) {
            JsonNode file = read(YAML, rules);
            for (JsonNode group : file.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    add(used, rule.path("expr").asText(), root.relativize(rules).toString());
                }
            }
        }
        for (Path dashboard : files(root.resolve("deploy/grafana/dashboards"), ".json")) {
            collectTargets(read(JSON, dashboard).path("panels"), used, root.relativize(dashboard).toString());
        }
        return used;
    }

    private static void collectTargets(JsonNode panels, Map<String, Set<String>> used, String where) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                add(used, target.path("expr").asText(), where + " (" + panel.path("title").asText() + ")");
            }
            // rows carry their panels inside
            collectTargets(panel.path("panels"), used, where);
        }
    }

    private static void add(Map<String, Set<String>> used, String expression, String where) {
        for (String name : PromQlMetricNames.in(expression)) {
            used.computeIfAbsent(name, n -> new TreeSet<>()).add(where);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
