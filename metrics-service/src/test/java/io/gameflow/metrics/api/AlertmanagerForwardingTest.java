package io.gameflow.metrics.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.metrics.MetricsSender;
import io.gameflow.metrics.RealAlertmanager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.gameflow.metrics.ServerMetricJson.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Firing and resolved alerts reach a real Alertmanager, whose own API shows them. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RealAlertmanager.class)
class AlertmanagerForwardingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MetricsSender sender = MetricsSender.toTestBroker();

    @Test
    void aFiringAlertShowsInAlertmanagerAndGoesAwayWhenResolved() {
        String server = sender.serverAwayFromTheFuture("forwarded");
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        for (int s = 0; s <= 70; s += 5) {
            sender.send(server, event(server, "ap-south", 97, 40, 80, t0.plusSeconds(s)));
        }
        String filter = "server_id=\"" + server + "\"";
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("filter", filter)
                .get(RealAlertmanager.url() + "/api/v2/alerts").then().statusCode(200)
                .body("findAll { it.labels.alertname == 'cpu_critical' }", hasSize(1))
                .body("find { it.labels.alertname == 'cpu_critical' }.labels.severity", equalTo("critical"))
                .body("find { it.labels.alertname == 'cpu_critical' }.labels.region", equalTo("ap-south"))
                .body("find { it.labels.alertname == 'cpu_critical' }.labels.rule", equalTo("cpu_critical"))
                .body("find { it.labels.alertname == 'cpu_critical' }.status.state", equalTo("active")));

        given().queryParam("filter", filter).get(RealAlertmanager.url() + "/api/v2/alerts").then()
                .body("find { it.labels.alertname == 'cpu_critical' }.annotations", not(hasKey("trace_id")));

        sender.send(server, event(server, "ap-south", 50, 40, 80, t0.plusSeconds(75)));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("filter", filter)
                .get(RealAlertmanager.url() + "/api/v2/alerts").then().statusCode(200)
                .body("$", empty()));
    }

    /** The samples came from a traced request at ingest: the alert they raised names that trace at Alertmanager. */
    @Test
    void anAlertRaisedByATracedSampleNamesItsTraceAtAlertmanager() {
        String server = sender.serverAwayFromTheFuture("traced");
        String trace = "0af7651916cd43dd8448eb211c80319c";
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        for (int s = 0; s <= 70; s += 5) {
            sender.sendTraced(server, event(server, "ap-south", 97, 40, 80, t0.plusSeconds(s)), "00-" + trace + "-b7ad6b7169203331-01");
        }
        String alert = "find { it.labels.alertname == 'cpu_critical' }";
        String filter = "server_id=\"" + server + "\"";
        java.util.concurrent.atomic.AtomicReference<String> firstPost = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> firstPost.set(given().queryParam("filter", filter)
                .get(RealAlertmanager.url() + "/api/v2/alerts").then().statusCode(200)
                .body(alert + ".annotations.trace_id", equalTo(trace)).extract().path(alert + ".updatedAt")));
        // Alertmanager keeps the annotations of the latest post: the resends of the firing alert name the trace too
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("filter", filter)
                .get(RealAlertmanager.url() + "/api/v2/alerts").then().statusCode(200)
                .body(alert + ".updatedAt", not(equalTo(firstPost.get())))
                .body(alert + ".annotations.trace_id", equalTo(trace)));
    }
}
