package io.gameflow.metrics.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gameflow.events.EventJson;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.gameflow.metrics.MetricsSender;
import io.gameflow.metrics.streams.MetricsTopology;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.gameflow.metrics.ManagementInterface.management;
import static io.gameflow.metrics.ServerMetricJson.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The alert lifecycle on the real broker: server-alerts, /v1/alerts, /v1/servers/{id}, /v1/regions, Prometheus. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AlertsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MetricsSender sender = MetricsSender.toTestBroker();

    private static void cpu(String server, String region, Instant t0, int from, int to, double cpu) {
        for (int s = from; s <= to; s += 5) {
            sender.send(server, event(server, region, cpu, 40, 80, t0.plusSeconds(s)));
        }
    }

    @Test
    void aSustainedHighCpuFiresOnceEverywhereItShowsAndResolvesOnce() {
        String server = sender.serverAwayFromTheFuture("hot");
        String region = MetricsSender.unique("region");
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        cpu(server, region, t0, 0, 70, 90);

        List<ConsumerRecord<String, String>> firing;
        try (TopicReader alerts = new TopicReader(KafkaTestResource.broker().bootstrapServers(), MetricsTopology.ALERTS)) {
            firing = alerts.awaitMatching(r -> server.equals(r.key()), 1, WAIT);
        }
        JsonNode alert = EventJson.readTree(firing.get(0).value());
        assertEquals("cpu_high", alert.get("rule").asText());
        assertEquals("firing", alert.get("state").asText());
        String alertId = alert.get("alert_id").asText();

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("state", "firing").get("/v1/alerts").then().statusCode(200)
                .body("alerts.alert_id", hasItem(alertId)).body("as_of", notNullValue()));
        given().get("/v1/servers/{id}", server).then().statusCode(200)
                .body("status", equalTo("warning"))
                .body("alerts.rule", hasItem("cpu_high"))
                .body("stats.cpu_load.max", equalTo(90.0f))
                .body("stats.cpu_load.p95", equalTo(90.0f));
        given().queryParam("status", "warning").get("/v1/servers").then().statusCode(200)
                .body("servers.server_id", hasItem(server));
        given().get("/v1/regions").then().statusCode(200)
                .body("regions.find { it.region == '" + region + "' }.servers", equalTo(1))
                .body("regions.find { it.region == '" + region + "' }.status_counts.warning", equalTo(1))
                .body("regions.find { it.region == '" + region + "' }.server_types[0].server_type", equalTo("dedicated"));
        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_metrics_alerts_firing{rule=\"cpu_high\",severity=\"warning\"}"))
                .body(containsString("gameflow_metrics_server_cpu_load{region=\"" + region + "\",server_id=\"" + server + "\"} 90.0")));

        cpu(server, region, t0, 75, 75, 60);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("state", "resolved").get("/v1/alerts").then().statusCode(200)
                .body("alerts.find { it.alert_id == '" + alertId + "' }.resolved_at", equalTo(t0.plusSeconds(75).toString())));
        given().queryParam("state", "firing").get("/v1/alerts").then().body("alerts.alert_id", not(hasItem(alertId)));
        given().queryParam("since", t0.plusSeconds(76).toString()).get("/v1/alerts").then().statusCode(200)
                .body("alerts.alert_id", not(hasItem(alertId)));
        given().get("/v1/servers/{id}", server).then().statusCode(200).body("status", equalTo("healthy"));
    }

    @Test
    void badQueriesGet400SayingWhatToFix() {
        given().queryParam("state", "burning").get("/v1/alerts").then().statusCode(400)
                .body("error", equalTo("bad_request")).body("message", containsString("firing or resolved"));
        given().queryParam("since", "yesterday").get("/v1/alerts").then().statusCode(400)
                .body("message", containsString("ISO-8601"));
        given().queryParam("status", "sad").get("/v1/servers").then().statusCode(400)
                .body("message", containsString("healthy, warning, critical, silent"));
    }
}
