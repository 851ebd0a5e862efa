package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gameflow.e2e.deploy.RenderedOverlay.list;
import static io.gameflow.e2e.deploy.RenderedOverlay.name;
import static io.gameflow.e2e.deploy.RenderedOverlay.what;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the prod overlay must not carry from development, and what it must pin. */
class ProdOverlayTest {

    private static final RenderedOverlay PROD = RenderedOverlay.of("prod");
    private static final Pattern SWAGGER_ENV =
            Pattern.compile("(?m)^quarkus\\.swagger-ui\\.enabled=true\\s*$");
    // a registry host (a dot or a port in the first segment), a path, and a sha256 digest
    private static final Pattern BY_DIGEST = Pattern.compile("[\\w.-]+[.:][\\w.:-]*/[\\w./-]+@sha256:[0-9a-f]{64}");

    @Test
    void hasNoGenerator() {
        List<String> found = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Service", "ServiceMonitor", "ConfigMap", "NetworkPolicy")) {
            PROD.kind(kind).stream().filter(d -> name(d).startsWith("generator")).forEach(d -> found.add(what(d)));
        }
        assertEquals(List.of(), found, "the simulator is not part of prod: keep it in deploy/k8s/components/generator");
    }

    @Test
    void servesNoSwaggerUi() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : PROD.workloads()) {
            String service = name(workload);
            String properties = Files.readString(ExternalTool.root().resolve(service + "/src/main/resources/application.properties"));
            Matcher setting = SWAGGER_ENV.matcher(properties);
            if (!setting.find()) {
                problems.add(service + "'s application.properties needs quarkus.swagger-ui.enabled=true, which prod turns off with QUARKUS_SWAGGER_UI_ENABLED");
                continue;
            }
            String value = env(workload).get("QUARKUS_SWAGGER_UI_ENABLED");
            if (!"false".equals(value)) {
                problems.add(what(workload) + " must set QUARKUS_SWAGGER_UI_ENABLED=false (it is " + value + ")");
            }
        }
        assertEquals(List.of(), problems, "Swagger UI only outside prod");
    }

    @Test
    void runsImagesByRegistryAndDigest() {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : PROD.workloads()) {
            for (JsonNode container : list(RenderedOverlay.podSpec(workload).path("containers"))) {
                String image = container.path("image").asText();
                if (!BY_DIGEST.matcher(image).matches()) {
                    problems.add(what(workload) + " runs " + image);
                }
            }
        }
        assertEquals(List.of(), problems, "prod runs images as <registry>/<path>@sha256:<digest>: set them with kustomize edit"
                + " set image in deploy/k8s/overlays/prod");
    }

    @Test
    void publicUrlsArePublic() {
        Map<String, String> engagement = env(workload("engagement-service"));
        Map<String, String> metrics = env(workload("metrics-service"));
        String pageMetricsUrl = engagement.getOrDefault("GAMEFLOW_DASHBOARD_METRICS_URL", "");
        String corsOrigins = metrics.getOrDefault("QUARKUS_HTTP_CORS_ORIGINS", "");
        assertTrue(pageMetricsUrl.startsWith("https://") && !pageMetricsUrl.contains("localhost"),
                "prod's GAMEFLOW_DASHBOARD_METRICS_URL must be metrics-service's public https URL, not " + pageMetricsUrl);
        assertTrue(!corsOrigins.isBlank() && List.of(corsOrigins.split(",")).stream()
                        .allMatch(o -> o.trim().startsWith("https://") && !o.contains("localhost") && !o.contains("127.0.0.1")),
                "prod's QUARKUS_HTTP_CORS_ORIGINS must be the page's public https origin(s), not " + corsOrigins);
    }

    /** The internal API must not open to a read key, which every browser of the live page holds. */
    @Test
    void streamsServicesGuardTheirInternalApiWithAPeerKeyFromASecret() {
        List<String> problems = new ArrayList<>();
        for (String service : List.of("engagement-service", "metrics-service")) {
            JsonNode workload = workload(service);
            if (!"true".equals(env(workload).get("GAMEFLOW_PEER_AUTH_ENABLED"))) {
                problems.add(service + " must set GAMEFLOW_PEER_AUTH_ENABLED=true");
            }
            boolean fromSecret = list(RenderedOverlay.podSpec(workload).path("containers")).stream()
                    .flatMap(c -> list(c.path("env")).stream())
                    .anyMatch(e -> "GAMEFLOW_PEER_AUTH_KEY".equals(e.path("name").asText())
                            && e.path("valueFrom").has("secretKeyRef"));
            if (!fromSecret) {
                problems.add(service + " must take GAMEFLOW_PEER_AUTH_KEY from a Secret (valueFrom.secretKeyRef)");
            }
        }
        assertEquals(List.of(), problems, "prod: the /internal peer endpoints want X-Peer-Key");
    }

    private static JsonNode workload(String name) {
        return PROD.workloads().stream().filter(w -> name.equals(name(w))).findFirst()
                .orElseThrow(() -> new AssertionError("prod has no workload " + name));
    }

    /** Literal env values: the ConfigMaps of envFrom, then env entries with a value. */
    private static Map<String, String> env(JsonNode workload) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode container : list(RenderedOverlay.podSpec(workload).path("containers"))) {
            for (JsonNode from : container.path("envFrom")) {
                PROD.find("ConfigMap", from.path("configMapRef").path("name").asText())
                        .ifPresent(m -> m.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
            }
            for (JsonNode entry : container.path("env")) {
                if (entry.has("value")) {
                    env.put(entry.path("name").asText(), entry.path("value").asText());
                }
            }
        }
        return env;
    }
}
