package io.gameflow.engagement.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live page at / is served with its bundle (ECharts inside, no CDN), and tells the page where metrics-service is. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardPageTest {

    private static final Pattern BUNDLED_SCRIPT = Pattern.compile("<script[^>]+src=\"(/static/bundle/[^\"]+\\.js)\"");

    @Test
    void servesThePageWithItsBundledScriptFromThisService() {
        String page = given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"heatmap\""), containsString("id=\"server-alerts\""), not(containsString("://")))
                .extract().asString();
        Matcher script = BUNDLED_SCRIPT.matcher(page);
        assertTrue(script.find(), "no bundled script in:\n" + page);

        given().when().get(script.group(1))
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                // ECharts is bundled in: the page needs no CDN
                .body(containsString("echarts"));
    }

    @Test
    void tellsThePageWhereMetricsServiceIsAndHowOftenToRefresh() {
        given().when().get("/v1/dashboard/config")
                .then().statusCode(200)
                .body("metrics_url", equalTo("http://localhost:8083"))
                .body("refresh_seconds", equalTo(2));
    }
}
