package io.gameflow.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page at engagement-service's {@code /}, in a real headless Chromium, against the stack of {@code make run}
 * with the generator's clock at 10x: what the generator planted (ground truth) shows on the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String PAGE = "http://localhost:" + LocalStack.ENGAGEMENT_PORT + "/";
    /** Where the page's screenshot is kept, as the test's artifact. */
    private static final Path SCREENSHOT = Path.of("target/dashboard/dashboard.png");
    private static LocalStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void openThePage() throws Exception {
        for (int port : LocalStack.PORTS) {
            assertFalse(LocalStack.listening(port), "port " + port + " must be free before the test");
        }
        stack = LocalStack.start(Map.of("GENERATOR_CLOCK_SPEED", "10", "GENERATOR_RATE", "50"));
        browser = HeadlessChromium.start(Path.of("target/dashboard/chromium-profile"));
        // as a user would: open the page once the stack says it is up and its APIs answer
        await("the APIs the page reads answer").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> answers(LocalStack.ENGAGEMENT_PORT, "/v1/engagement/hotspots")
                        && answers(LocalStack.METRICS_PORT, "/v1/regions"));
        browser.get(PAGE);
    }

    @AfterAll
    static void closeThePage() throws Exception {
        try {
            if (browser != null) {
                Files.createDirectories(SCREENSHOT.getParent());
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyPanelDrawsAndKeepsUpdatingWithoutAReload() {
        await("the first update").atMost(Duration.ofSeconds(30)).until(() -> status().startsWith("updated"));
        assertFalse(status().contains("not updated"), status());
        for (WebElement chart : browser.findElements(By.cssSelector(".chart"))) {
            assertFalse(chart.findElements(By.tagName("canvas")).isEmpty(), chart.getAttribute("id") + " draws nothing");
        }
        // the first answer may come before engagement-service has counted a player; a later one fills the table
        await("the hotspots table to fill").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !rows("hotspots").isEmpty());

        // a mark on this page's window survives an update only if the page did not reload to get it
        browser.executeScript("window.gameflowProbe = 'same page';");
        String first = status();
        await("a later update").atMost(Duration.ofSeconds(10)).until(() -> !status().equals(first));
        assertEquals("same page", browser.executeScript("return window.gameflowProbe;"));
        assertFalse(status().contains("not updated"), status());
    }

    @Test
    @Order(2)
    void theHeatMapShowsTheGeneratorsHotspotAsTheWorstCellWithinAMinute() {
        List<String> planted = truth().getList("hotspots");
        assertFalse(planted.isEmpty(), "the generator plants a hotspot");
        await("the planted hotspot " + planted + " to be the heat map's worst cell").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    String worst = browser.findElement(By.id("heatmap")).getAttribute("data-worst-cell");
                    assertTrue(planted.contains(worst), "worst cell " + worst);
                    String firstHotspot = rows("hotspots").get(0).findElements(By.tagName("td")).get(0).getText();
                    assertEquals(worst.replace("/", " / "), firstHotspot);
                });
    }

    @Test
    @Order(3)
    void aPlantedServerIncidentShowsAmongTheFiringAlerts() {
        await("a planted incident among the page's firing alerts").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<Map<String, Object>> incidents = truth().getList("incidents");
                    assertFalse(incidents.isEmpty(), "no incident planted yet");
                    String alerts = browser.findElement(By.cssSelector("#server-alerts tbody")).getText();
                    assertTrue(incidents.stream().anyMatch(incident -> alerts.contains(subjectOf(incident))),
                            "incidents " + incidents + ", alerts on the page:\n" + alerts);
                });
    }

    @Test
    @Order(4)
    void theConsoleStaysFreeOfErrors() {
        assertEquals(List.of(), HeadlessChromium.consoleErrors(browser));
    }

    /** How the page names an incident's subject: the server, or the region for a region-wide one. */
    private static String subjectOf(Map<String, Object> incident) {
        Object server = incident.get("server_id");
        return server != null ? server.toString() : "region " + incident.get("region");
    }

    private static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private static List<WebElement> rows(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.empty")).isEmpty())
                .toList();
    }

    private static JsonPath truth() {
        return given().when().get("http://127.0.0.1:" + LocalStack.GENERATOR_PORT + "/v1/generator/truth")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean answers(int port, String path) {
        try {
            return given().when().get("http://127.0.0.1:" + port + path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
