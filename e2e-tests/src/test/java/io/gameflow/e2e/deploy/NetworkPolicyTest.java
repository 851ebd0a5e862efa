package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.e2e.deploy.NetworkPolicyModel.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gameflow.e2e.deploy.RenderedOverlay.list;
import static io.gameflow.e2e.deploy.RenderedOverlay.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetworkPolicies of every overlay, as rendered by kustomize: the namespace denies by default, every workload is
 * selected by a policy that lets something in, and the paths that exist are open while the ones that do not stay shut.
 * The Strimzi pods are stood in for with the labels Strimzi gives them; the ingress controller, Prometheus and
 * Alertmanager with the namespaces and labels deploy/README.md tells operators to adapt.
 */
class NetworkPolicyTest {

    private static final String NAMESPACE = "gameflow";
    private static final String CLUSTER = "gameflow";

    static List<String> overlays() {
        return RenderedOverlay.names();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void namespaceDeniesEverythingNotAllowed(String overlay) {
        boolean defaultDeny = RenderedOverlay.of(overlay).kind("NetworkPolicy").stream().anyMatch(p ->
                p.path("spec").path("podSelector").isEmpty()
                        && list(p.path("spec").path("policyTypes")).stream().map(JsonNode::asText).toList()
                        .containsAll(List.of("Ingress", "Egress"))
                        && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
        assertTrue(defaultDeny, "deploy/k8s/overlays/" + overlay + " needs a NetworkPolicy with podSelector: {}, policyTypes"
                + " Ingress and Egress and no rules: the default deny of the namespace");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void everyWorkloadIsSelectedByAPolicyThatLetsSomethingIn(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> unselected = new ArrayList<>();
        for (JsonNode workload : rendered.workloads()) {
            Map<String, String> labels = labels(RenderedOverlay.podLabels(workload));
            boolean selected = rendered.kind("NetworkPolicy").stream()
                    .filter(p -> !p.path("spec").path("ingress").isEmpty())
                    .anyMatch(p -> LabelSelector.matches(p.path("spec").path("podSelector"), labels));
            if (!selected) {
                unselected.add(RenderedOverlay.what(workload));
            }
        }
        assertTrue(unselected.isEmpty(), "deploy/k8s/overlays/" + overlay + ": no NetworkPolicy with an ingress rule selects "
                + unselected + ": add the paths that reach it (deploy/k8s/base/network-policies)");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void thePathsThatExistAreOpen(String overlay) {
        Cluster c = new Cluster(RenderedOverlay.of(overlay));
        List<String> shut = new ArrayList<>();
        for (String service : List.of("ingest-service", "engagement-service", "metrics-service")) {
            c.expectOpen(shut, c.ingressController, c.service(service), c.httpPort(service));
            c.expectOpen(shut, c.prometheus, c.service(service), c.managementPort(service));
            c.expectOpen(shut, c.service(service), c.kafkaBroker, 9092);
            c.expectOpen(shut, c.service(service), c.kafkaBroker, 9093);
            c.expectOpen(shut, c.service(service), c.dns, 53, "UDP");
        }
        for (String streams : List.of("engagement-service", "metrics-service")) {
            c.expectOpen(shut, c.service(streams), c.service(streams), c.httpPort(streams));
        }
        c.expectOpen(shut, c.kafkaBroker, c.kafkaBroker, 9090);
        c.expectOpen(shut, c.kafkaBroker, c.kafkaBroker, 9091);
        c.expectOpen(shut, c.kafkaBroker, c.dns, 53, "UDP");
        c.expectOpen(shut, c.entityOperator, c.kafkaBroker, 9091);
        c.expectOpen(shut, c.entityOperator, c.apiServer, 443);
        c.expectOpen(shut, c.clusterOperator, c.kafkaBroker, 9091);
        c.expectOpen(shut, c.clusterOperator, c.kafkaBroker, 8443);
        c.optionalService("generator-service").ifPresent(generator -> {
            c.expectOpen(shut, generator, c.service("ingest-service"), c.httpPort("ingest-service"));
            c.expectOpen(shut, c.prometheus, generator, c.managementPort("generator-service"));
        });
        assertTrue(shut.isEmpty(), "deploy/k8s/overlays/" + overlay + ": the NetworkPolicies shut paths GameFlow needs:\n  "
                + String.join("\n  ", shut));
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void thePathsThatDoNotExistAreShut(String overlay) {
        Cluster c = new Cluster(RenderedOverlay.of(overlay));
        List<String> open = new ArrayList<>();
        Pod ingest = c.service("ingest-service");
        Pod engagement = c.service("engagement-service");
        Pod metrics = c.service("metrics-service");
        // the Streams services only ever talk to their own kind
        c.expectShut(open, ingest, engagement, c.httpPort("engagement-service"));
        c.expectShut(open, engagement, metrics, c.httpPort("metrics-service"));
        c.expectShut(open, metrics, engagement, c.httpPort("engagement-service"));
        c.expectShut(open, engagement, ingest, c.httpPort("ingest-service"));
        // health and metrics are for the kubelet and Prometheus, never for the public; Prometheus reads no API
        for (String service : List.of("ingest-service", "engagement-service", "metrics-service")) {
            c.expectShut(open, c.ingressController, c.service(service), c.managementPort(service));
            c.expectShut(open, c.prometheus, c.service(service), c.httpPort(service));
        }
        // Kafka is for the services and Strimzi, not for the ingress controller, Prometheus or other namespaces
        c.expectShut(open, c.ingressController, c.kafkaBroker, 9092);
        c.expectShut(open, c.prometheus, c.kafkaBroker, 9092);
        c.expectShut(open, c.elsewhere, c.kafkaBroker, 9092);
        c.expectShut(open, c.elsewhere, ingest, c.httpPort("ingest-service"));
        c.expectShut(open, c.elsewhere, engagement, c.httpPort("engagement-service"));
        // no way out but DNS, Kafka and the peers: a compromised service cannot call home
        c.expectShut(open, ingest, c.apiServer, 443);
        c.expectShut(open, engagement, c.elsewhere, 443);
        c.expectShut(open, c.kafkaBroker, c.apiServer, 443);
        boolean forwardsAlerts = c.overlay.kind("ConfigMap").stream()
                .anyMatch(m -> !m.path("data").path("GAMEFLOW_METRICS_ALERTMANAGER_URL").asText().isBlank());
        if (!forwardsAlerts) {
            c.expectShut(open, metrics, c.alertmanager, 9093);
        } else {
            // the other direction of the same fact: configured forwarding must get through
            if (!c.model.allows(metrics, c.alertmanager, 9093, "TCP")) {
                open.add("(inverse) metrics-service sets GAMEFLOW_METRICS_ALERTMANAGER_URL but cannot reach " + c.alertmanager
                        + ": add components/alertmanager-forwarding's policy");
            }
        }
        c.optionalService("generator-service").ifPresent(generator -> {
            c.expectShut(open, generator, c.kafkaBroker, 9092);
            c.expectShut(open, c.ingressController, generator, c.httpPort("generator-service"));
            c.expectShut(open, generator, engagement, c.httpPort("engagement-service"));
        });
        assertTrue(open.isEmpty(), "deploy/k8s/overlays/" + overlay + ": the NetworkPolicies open paths that GameFlow does"
                + " not have:\n  " + String.join("\n  ", open));
    }

    /** The optional component is in no overlay: render prod with it, as an operator would, and see the path open. */
    @Test
    void alertmanagerForwardingOpensExactlyItsPath(@TempDir Path tmp) throws IOException {
        Cluster c = prodWith("alertmanager-forwarding", tmp);
        assertTrue(c.model.allows(c.service("metrics-service"), c.alertmanager, 9093, "TCP"),
                "components/alertmanager-forwarding must let metrics-service reach Alertmanager on 9093");
        List<String> open = new ArrayList<>();
        c.expectShut(open, c.service("engagement-service"), c.alertmanager, 9093);
        c.expectShut(open, c.service("metrics-service"), c.elsewhere, 9093);
        assertEquals(List.of(), open, "components/alertmanager-forwarding opens more than metrics-service -> Alertmanager");
        assertTrue(c.overlay.kind("ConfigMap").stream().anyMatch(m -> name(m).startsWith("metrics-service-config")
                        && m.path("data").path("GAMEFLOW_METRICS_ALERTMANAGER_URL").asText().startsWith("http")),
                "components/alertmanager-forwarding must set GAMEFLOW_METRICS_ALERTMANAGER_URL in metrics-service-config");
    }

    @Test
    void tracingOpensExactlyThePathToTheCollector(@TempDir Path tmp) throws IOException {
        Cluster c = prodWith("tracing", tmp);
        List<String> open = new ArrayList<>();
        for (String service : List.of("ingest-service", "engagement-service", "metrics-service")) {
            assertTrue(c.model.allows(c.service(service), c.collector, 4318, "TCP"),
                    "components/tracing must let " + service + " reach the collector on 4318");
            c.expectShut(open, c.service(service), c.elsewhere, 4318);
            c.expectShut(open, c.service(service), c.collector, 4317);
            assertTrue(c.overlay.kind("ConfigMap").stream().anyMatch(m -> name(m).startsWith(service + "-config")
                            && m.path("data").path("QUARKUS_OTEL_SDK_DISABLED").asText().equals("false")
                            && m.path("data").path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText().endsWith(":4318")),
                    "components/tracing must switch tracing on in " + service + "-config, exporting to the collector");
        }
        assertEquals(List.of(), open, "components/tracing opens more than the services -> the collector's OTLP/HTTP");
    }

    /** Prod with one of deploy/k8s/components, as an operator would render it. */
    private static Cluster prodWith(String component, Path tmp) throws IOException {
        // kustomize takes no absolute paths
        Path root = tmp.toAbsolutePath().relativize(ExternalTool.root().resolve("deploy/k8s"));
        Files.writeString(tmp.resolve("kustomization.yaml"), String.join("\n",
                "apiVersion: kustomize.config.k8s.io/v1beta1",
                "kind: Kustomization",
                "resources:",
                "  - " + root.resolve("overlays/prod"),
                "components:",
                "  - " + root.resolve("components/" + component),
                ""));
        return new Cluster(RenderedOverlay.render("prod + components/" + component, tmp.toString()));
    }

    /** The rendered overlay's pods and the ones around it that the policies name. */
    private static final class Cluster {
        final RenderedOverlay overlay;
        final NetworkPolicyModel model;
        final Map<String, Pod> services = new LinkedHashMap<>();
        final Pod kafkaBroker = Pod.in(NAMESPACE, "a Kafka node of " + CLUSTER, Map.of("strimzi.io/cluster", CLUSTER,
                "strimzi.io/kind", "Kafka", "strimzi.io/name", CLUSTER + "-kafka", "app.kubernetes.io/name", "kafka"), Map.of());
        final Pod entityOperator = Pod.in(NAMESPACE, "Strimzi's entity operator", Map.of("strimzi.io/cluster", CLUSTER,
                "strimzi.io/kind", "Kafka", "strimzi.io/name", CLUSTER + "-entity-operator"), Map.of());
        final Pod clusterOperator = Pod.in("strimzi", "Strimzi's cluster operator",
                Map.of("strimzi.io/kind", "cluster-operator", "name", "strimzi-cluster-operator"), Map.of());
        final Pod ingressController = Pod.in("ingress-nginx", "the ingress controller",
                Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
        final Pod prometheus = Pod.in("monitoring", "Prometheus", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        final Pod alertmanager = Pod.in("monitoring", "Alertmanager", Map.of("app.kubernetes.io/name", "alertmanager"), Map.of());
        final Pod collector = Pod.in("observability", "an OpenTelemetry Collector", Map.of("app.kubernetes.io/name", "otel-collector"), Map.of());
        final Pod dns = Pod.in("kube-system", "the cluster DNS", Map.of("k8s-app", "kube-dns"), Map.of());
        final Pod elsewhere = Pod.in("some-other-team", "a pod of another namespace", Map.of("app", "anything"), Map.of());
        final Pod apiServer = Pod.outsideTheCluster("the Kubernetes API server");

        Cluster(RenderedOverlay overlay) {
            this.overlay = overlay;
            this.model = new NetworkPolicyModel(overlay.kind("NetworkPolicy"), NAMESPACE);
            for (JsonNode workload : overlay.workloads()) {
                Map<String, Integer> ports = new HashMap<>();
                for (JsonNode container : list(RenderedOverlay.podSpec(workload).path("containers"))) {
                    container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
                }
                services.put(name(workload), Pod.in(NAMESPACE, name(workload), labels(RenderedOverlay.podLabels(workload)), ports));
            }
        }

        Pod service(String name) {
            return optionalService(name).orElseThrow(() -> new AssertionError("deploy/k8s/overlays/" + overlay.name()
                    + " has no workload " + name));
        }

        Optional<Pod> optionalService(String name) {
            return Optional.ofNullable(services.get(name));
        }

        int httpPort(String service) {
            return ServiceConfig.of(service).port();
        }

        int managementPort(String service) {
            return ServiceConfig.of(service).managementPort();
        }

        void expectOpen(List<String> problems, Pod from, Pod to, int port) {
            expectOpen(problems, from, to, port, "TCP");
        }

        void expectOpen(List<String> problems, Pod from, Pod to, int port, String protocol) {
            if (!model.allows(from, to, port, protocol)) {
                problems.add(from + " -> " + to + ":" + port + "/" + protocol);
            }
        }

        void expectShut(List<String> problems, Pod from, Pod to, int port) {
            if (model.allows(from, to, port, "TCP")) {
                problems.add(from + " -> " + to + ":" + port);
            }
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
