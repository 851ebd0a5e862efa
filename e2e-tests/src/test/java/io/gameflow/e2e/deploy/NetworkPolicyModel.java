package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Decides, as a NetworkPolicy implementation would, whether one pod may open a connection to a port of another, given
 * the rendered NetworkPolicies: a connection needs the source's egress and the destination's ingress, each allowed
 * when no policy of that type selects the pod, or when a rule of one that does admits the peer and the port. Only the
 * namespace the policies live in is governed by them; pods elsewhere are not restricted here. Named ports are
 * resolved on the destination pod, as the API defines.
 */
final class NetworkPolicyModel {

    /** A pod as the policies see it; {@code external} stands for an address outside the cluster (the API server's). */
    record Pod(String description, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
               Map<String, Integer> namedPorts, boolean external) {

        static Pod in(String namespace, String description, Map<String, String> labels, Map<String, Integer> namedPorts) {
            return new Pod(description, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, namedPorts, false);
        }

        static Pod outsideTheCluster(String description) {
            return new Pod(description, "", Map.of(), Map.of(), Map.of(), true);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final List<JsonNode> policies;
    private final String namespace;

    NetworkPolicyModel(List<JsonNode> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    boolean allows(Pod from, Pod to, int port, String protocol) {
        return side(from, "Egress", "egress", "to", to, port, protocol)
                && side(to, "Ingress", "ingress", "from", from, port, protocol);
    }

    private boolean side(Pod subject, String type, String rulesField, String peersField, Pod peer, int port, String protocol) {
        if (subject.external() || !namespace.equals(subject.namespace())) {
            return true;
        }
        List<JsonNode> selecting = policies.stream()
                .filter(p -> types(p).contains(type))
                .filter(p -> LabelSelector.matches(p.path("spec").path("podSelector"), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        Pod destination = rulesField.equals("egress") ? peer : subject;
        return selecting.stream().flatMap(p -> RenderedOverlay.list(p.path("spec").path(rulesField)).stream())
                .anyMatch(rule -> peers(rule.path(peersField), peer) && ports(rule.path("ports"), destination, port, protocol));
    }

    private static List<String> types(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isEmpty()) {
            // the API's default: Ingress, and Egress too when there are egress rules
            return policy.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        return RenderedOverlay.list(types).stream().map(JsonNode::asText).toList();
    }

    private boolean peers(JsonNode peers, Pod peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                // only used for what no selector can name; addresses are not modelled
                if (peer.external()) {
                    return true;
                }
                continue;
            }
            if (peer.external()) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector")
                    ? LabelSelector.matches(p.path("namespaceSelector"), peer.namespaceLabels())
                    : namespace.equals(peer.namespace());
            boolean podOk = !p.has("podSelector") || LabelSelector.matches(p.path("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(JsonNode ports, Pod destination, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            if (!p.has("port")) {
                return true;
            }
            JsonNode value = p.path("port");
            int from = value.isInt() ? value.asInt() : destination.namedPorts().getOrDefault(value.asText(), -1);
            int to = p.has("endPort") ? p.path("endPort").asInt() : from;
            if (from <= port && port <= to) {
                return true;
            }
        }
        return false;
    }
}
