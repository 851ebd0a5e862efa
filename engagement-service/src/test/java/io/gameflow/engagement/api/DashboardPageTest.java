package io.gameflow.engagement.api;

import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page at / is served with its bundle (ECharts inside, no CDN), tells the page where metrics-service is,
 * and tells the browser to run nothing but that bundle.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardPageTest {

    private static final Pattern BUNDLED_SCRIPT = Pattern.compile("<script[^>]+src=\"(/static/bundle/[^\"]+\\.js)\"");
    private static final Pattern BUNDLED_STYLE = Pattern.compile("<link[^>]+href=\"(/static/bundle/[^\"]+\\.css)\"");
    /** The policy as built from the test's metrics URL (the default, http://localhost:8083). */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self' http://localhost:8083; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

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

    /**
     * The Studio KPIs section (issue 22) is on the page and in the bundle: its containers (headline, DAU/WAU/MAU chart,
     * retention heat map, platform selector) and the two KPI APIs it asks every refresh.
     */
    @Test
    void bundlesTheStudioKpisSectionWithItsTwoApis() {
        String page = given().when().get("/")
                .then().statusCode(200)
                .body(containsString("id=\"kpis\""), containsString("id=\"kpi-headline\""),
                        containsString("id=\"kpi-active\""), containsString("id=\"kpi-retention\""),
                        containsString("id=\"kpi-platform\""))
                .extract().asString();
        Matcher script = BUNDLED_SCRIPT.matcher(page);
        assertTrue(script.find(), "no bundled script in:\n" + page);
        String bundle = given().when().get(script.group(1)).then().statusCode(200).extract().asString();
        for (String api : List.of("/v1/kpis/daily", "/v1/kpis/retention")) {
            assertTrue(bundle.contains(api), "the bundled script never asks " + api);
        }
        // the panel is started with the others, so it refreshes with them (a module left unimported is not bundled)
        assertTrue(bundle.contains("kpi-retention") && bundle.contains("kpi-platform"),
                "the bundled script does not fill the retention heat map and read the platform selector");
    }

    @Test
    void tellsThePageWhereMetricsServiceIsAndHowOftenToRefresh() {
        given().when().get("/v1/dashboard/config")
                .then().statusCode(200)
                .body("metrics_url", equalTo("http://localhost:8083"))
                .body("refresh_seconds", equalTo(2));
    }

    @Test
    void thePageItsAssetsAndTheApiMayRunNothingButThePagesOwnBundle() {
        String page = given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                // nothing inline for the policy to refuse: the bundle is loaded from this service
                .body(not(containsString("<script>")), not(containsString("<style")), not(containsString(" style=")))
                .extract().asString();
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), "an inline event handler in:\n" + page);
        Matcher script = BUNDLED_SCRIPT.matcher(page);
        Matcher style = BUNDLED_STYLE.matcher(page);
        assertTrue(script.find() && style.find(), "no bundled script and style in:\n" + page);
        for (String path : List.of(script.group(1), style.group(1), "/v1/dashboard/config", "/no-such-asset.js")) {
            given().when().get(path).then()
                    .header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void leavesTheServicesOwnPagesUnderQWithoutThePolicy() {
        // Swagger UI runs inline scripts of its own; the OpenAPI document stands for everything under /q/ on the API port
        // (health and metrics answer on the management port, where no page is served)
        given().when().get("/q/openapi").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }
}
