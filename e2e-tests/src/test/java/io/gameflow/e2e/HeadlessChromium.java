package io.gameflow.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's chromium, headless, through Debian's chromedriver (never a browser or driver download: the paths are
 * given, so Selenium Manager stays idle), with the browser console recorded.
 */
final class HeadlessChromium {

    private static final String CHROMIUM = System.getProperty("gameflow.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("gameflow.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path profileDir) throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(Path.of(program)),
                    program + " is missing: apt-get install -y --no-install-recommends chromium chromium-driver");
        }
        Files.createDirectories(profileDir);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                // as root in a sandboxed machine with no network but loopback: no sandbox, no calls home
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
                        "--user-data-dir=" + profileDir.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The console's errors (uncaught exceptions, failed requests, console.error) since the last call. */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }
}
