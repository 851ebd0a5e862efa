package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** What {@code kubectl kustomize deploy/k8s/overlays/<name>} would apply, rendered once per test JVM. */
final class RenderedOverlay {

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final List<JsonNode> documents;

    private RenderedOverlay(String name, List<JsonNode> documents) {
        this.name = name;
        this.documents = documents;
    }

    /** The directory names under deploy/k8s/overlays, sorted; at least one. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(ExternalTool.root().resolve("deploy/k8s/overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
            assertFalse(names.isEmpty(), "deploy/k8s/overlays has no overlay directory");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedOverlay of(String name) {
        return RENDERED.computeIfAbsent(name, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String name) {
        return render(name, "deploy/k8s/overlays/" + name);
    }

    /** Renders any kustomization directory (e.g. a test's own, combining an overlay with a component). */
    static RenderedOverlay render(String name, String directory) {
        String yaml = ExternalTool.runOk("kubectl", "kustomize", directory);
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            return new RenderedOverlay(name, docs.readAll().stream().filter(JsonNode::isObject).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl kustomize " + directory + " printed no YAML", e);
        }
    }

    String name() {
        return name;
    }

    List<JsonNode> kind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    List<JsonNode> workloads() {
        return Stream.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").flatMap(k -> kind(k).stream()).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return kind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    /** A workload's pod template spec (a CronJob's one level deeper). */
    static JsonNode podSpec(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        if ("CronJob".equals(workload.path("kind").asText())) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        if ("CronJob".equals(workload.path("kind").asText())) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("metadata").path("labels");
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String what(JsonNode doc) {
        return doc.path("kind").asText() + " " + name(doc);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
