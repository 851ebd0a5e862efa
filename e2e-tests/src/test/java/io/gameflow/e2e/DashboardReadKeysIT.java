package io.gameflow.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The live page with read keys on in both query services (the prod setting): it asks for the key, refuses a wrong
 * one, and with the right one every panel updates, metrics-service's through CORS with the key's header.
 */
class DashboardReadKeysIT {

    private static final String PAGE = "http://localhost:" + LocalStack.ENGAGEMENT_PORT + "/";
    private static final String READ_KEY = "e2e-read-key";
    private static LocalStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void startWithReadKeysOn() throws Exception {
        for (int port : LocalStack.PORTS) {
            assertFalse(LocalStack.listening(port), "port " + port + " must be free before the test");
        }
        stack = LocalStack.start(Map.of(
                "GAMEFLOW_READ_AUTH_ENABLED", "true", "GAMEFLOW_READ_AUTH_KEYS", "dashboard:" + READ_KEY));
        browser = HeadlessChromium.start(Path.of("target/dashboard/chromium-profile-read-keys"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void thePageAsksForTheReadKeyAndWorksWithIt() {
        given().when().get("http://127.0.0.1:" + LocalStack.METRICS_PORT + "/v1/regions").then().statusCode(401);
        browser.get(PAGE);
        enterReadKey("not-the-key");
        await("the refusal of a wrong key").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> readKeyForm().isDisplayed()
                        && readKeyForm().findElement(By.className("read-key-hint")).getText().contains("refused"));

        enterReadKey(READ_KEY);
        await("every panel updated with the key").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> status().startsWith("updated") && !status().contains("not updated"));
        assertFalse(readKeyForm().isDisplayed());
        assertEquals(PAGE, browser.getCurrentUrl(), "the key never goes into the address");
        HeadlessChromium.consoleErrors(browser); // the 401s before the key was given
        String first = status();
        await("a later update").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !status().equals(first));
        assertFalse(status().contains("not updated"), status());
        assertEquals(List.of(), HeadlessChromium.consoleErrors(browser));
    }

    private static void enterReadKey(String key) {
        await("the page to ask for a read key").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> readKeyForm().isDisplayed());
        WebElement field = readKeyForm().findElement(By.name("key"));
        field.clear();
        field.sendKeys(key);
        readKeyForm().findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static WebElement readKeyForm() {
        return browser.findElement(By.id("read-key"));
    }

    private static String status() {
        return browser.findElement(By.id("status")).getText();
    }
}
