package io.gameflow.engagement.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page's own scripts (not ECharts) never turn a string into markup or code: what they show comes from game
 * clients and from the KPI answers (dates, currency codes), and is set as text. The CSP would refuse an inline handler
 * or eval; this keeps the scripts from depending on that.
 */
class PageScriptsTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/web/app");
    private static final Pattern MARKUP_OR_CODE = Pattern.compile(
            "\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|createContextualFragment");

    @Test
    void thePagesScriptsSetTextOnly() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
        }
        // an empty or moved tree would pass the check below: the panels it guards are there
        assertTrue(scripts.contains(SCRIPTS.resolve("panels/kpis.js")), "no panels/kpis.js under " + SCRIPTS.toAbsolutePath());
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKUP_OR_CODE.matcher(lines.get(i));
                if (m.find()) {
                    found.add(SCRIPTS.relativize(script) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), found, "the page's scripts must build the DOM with textContent and DOM calls");
    }
}
