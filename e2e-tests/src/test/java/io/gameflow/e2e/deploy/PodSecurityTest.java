package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.gameflow.e2e.deploy.RenderedOverlay.list;
import static io.gameflow.e2e.deploy.RenderedOverlay.what;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The namespace enforces the `restricted` Pod Security Standard, and every pod of every overlay meets it: otherwise
 * the API server would refuse the pod, which no dry run without a cluster shows. The checks are the standard's
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/), for the fields these manifests can set.
 */
class PodSecurityTest {

    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("name", "configMap", "csi", "downwardAPI",
            "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    static List<String> overlays() {
        return RenderedOverlay.names();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void namespaceEnforcesRestricted(String overlay) {
        List<JsonNode> namespaces = RenderedOverlay.of(overlay).kind("Namespace");
        assertEquals(1, namespaces.size(), "deploy/k8s/overlays/" + overlay + " must make exactly one Namespace");
        assertEquals("restricted", namespaces.get(0).path("metadata").path("labels").path("pod-security.kubernetes.io/enforce")
                .asText(), "the namespace needs the label pod-security.kubernetes.io/enforce: restricted");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void everyPodMeetsRestricted(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : RenderedOverlay.of(overlay).workloads()) {
            JsonNode pod = RenderedOverlay.podSpec(workload);
            String where = what(workload);
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(hostField).asBoolean(false)) {
                    problems.add(where + " sets " + hostField);
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                volume.fieldNames().forEachRemaining(type -> {
                    if (!RESTRICTED_VOLUME_TYPES.contains(type)) {
                        problems.add(where + " volume " + volume.path("name").asText() + " is of type " + type);
                    }
                });
            }
            JsonNode podContext = pod.path("securityContext");
            if (podContext.path("runAsUser").asInt(-1) == 0) {
                problems.add(where + " runs as user 0");
            }
            Stream.of("initContainers", "containers", "ephemeralContainers")
                    .flatMap(field -> list(pod.path(field)).stream())
                    .forEach(container -> container(where + " container " + container.path("name").asText(), podContext,
                            container.path("securityContext"), problems));
        }
        assertTrue(problems.isEmpty(), "deploy/k8s/overlays/" + overlay + ": pods the restricted Pod Security Standard "
                + "refuses:\n  " + String.join("\n  ", problems));
    }

    private static void container(String where, JsonNode pod, JsonNode container, List<String> problems) {
        if (!container.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false))) {
            problems.add(where + ": set runAsNonRoot: true (pod or container securityContext)");
        }
        if (container.path("runAsUser").asInt(-1) == 0) {
            problems.add(where + " runs as user 0");
        }
        if (!container.path("allowPrivilegeEscalation").isBoolean() || container.path("allowPrivilegeEscalation").asBoolean()) {
            problems.add(where + ": set allowPrivilegeEscalation: false");
        }
        if (container.path("privileged").asBoolean(false)) {
            problems.add(where + " is privileged");
        }
        List<String> dropped = list(container.path("capabilities").path("drop")).stream().map(JsonNode::asText).toList();
        if (!dropped.contains("ALL")) {
            problems.add(where + ": drop capabilities ALL");
        }
        list(container.path("capabilities").path("add")).stream().map(JsonNode::asText)
                .filter(c -> !c.equals("NET_BIND_SERVICE"))
                .forEach(c -> problems.add(where + " adds capability " + c));
        String seccomp = container.path("seccompProfile").path("type").asText(pod.path("seccompProfile").path("type").asText());
        if (!SECCOMP_TYPES.contains(seccomp)) {
            problems.add(where + ": set seccompProfile.type RuntimeDefault (pod or container securityContext)");
        }
    }
}
