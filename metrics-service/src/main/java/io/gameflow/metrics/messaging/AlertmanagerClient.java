package io.gameflow.metrics.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.events.EventJson;
import io.gameflow.metrics.domain.Alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Posts alerts to an Alertmanager's {@code POST /api/v2/alerts}, as Prometheus does: a firing alert with an
 * {@code endsAt} a while ahead (Alertmanager resolves it by itself unless it is sent again before), a resolved one
 * with {@code endsAt} now.
 */
final class AlertmanagerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI endpoint;

    AlertmanagerClient(URI alertmanager) {
        this.endpoint = alertmanager.resolve("/api/v2/alerts");
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Throws when Alertmanager did not take them; the caller sends them again later.
     *
     * @param traceIds the trace of each traced alert, by alert id: its {@code trace_id} annotation
     */
    void post(Collection<Alert> alerts, Map<String, String> traceIds, Instant now, Duration firingFor)
            throws IOException, InterruptedException {
        ArrayNode body = EventJson.mapper().createArrayNode();
        for (Alert alert : alerts) {
            ObjectNode posted = toAlertmanager(alert, now, firingFor);
            String traceId = traceIds.get(alert.alertId());
            if (traceId != null) {
                ((ObjectNode) posted.get("annotations")).put("trace_id", traceId);
            }
            body.add(posted);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static ObjectNode toAlertmanager(Alert alert, Instant now, Duration firingFor) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        ObjectNode labels = node.putObject("labels");
        // `rule` as on the Prometheus rules that mirror these (deploy/prometheus), so Alertmanager can match the two
        labels.put("alertname", alert.rule()).put("rule", alert.rule()).put("severity", alert.severity()).put("scope", alert.scope())
                .put("region", alert.region()).put("service", "gameflow");
        if (alert.serverId() != null) {
            labels.put("server_id", alert.serverId());
        }
        node.putObject("annotations")
                .put("summary", alert.rule() + " on " + alert.key() + ": " + alert.metric() + " " + alert.value()
                        + " (threshold " + alert.threshold() + ")")
                .put("alert_id", alert.alertId());
        node.put("startsAt", alert.startedAt());
        node.put("endsAt", (alert.isFiring() ? now.plus(firingFor) : now).toString());
        return node;
    }
}
