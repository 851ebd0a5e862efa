package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kubernetes' label selector semantics (matchLabels and matchExpressions); an empty selector matches everything. */
final class LabelSelector {

    private LabelSelector() {
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        var matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var entry = matchLabels.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            String value = labels.get(expression.path("key").asText());
            boolean ok = switch (expression.path("operator").asText()) {
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
