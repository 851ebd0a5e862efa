package io.gameflow.e2e.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small habits of the repository a newcomer meets first: {@code make help} names every target with one line, and
 * the Maven wrapper pins its distribution's checksum (a fresh machine's wrapper refuses a Maven that does not match).
 */
class ProjectHabitsTest {

    private static final Pattern HELP_LINE = Pattern.compile("(?m)^ {2}make (\\S+) +(\\S.*)$");

    @Test
    void makeHelpNamesEveryTargetOnceWithADescription() throws IOException {
        String makefile = Files.readString(ExternalTool.root().resolve("Makefile"));
        Matcher phony = Pattern.compile("(?m)^\\.PHONY:(.*)$").matcher(makefile);
        assertTrue(phony.find(), "the Makefile declares its targets .PHONY");
        List<String> targets = Arrays.stream(phony.group(1).trim().split("\\s+")).toList();

        String help = ExternalTool.runOk("make", "--no-print-directory", "help");
        List<String> listed = HELP_LINE.matcher(help).results().map(line -> line.group(1)).toList();
        assertEquals(targets.stream().sorted().toList(), listed.stream().sorted().toList(),
                "make help must list each .PHONY target once, with its description:\n" + help);
        assertTrue(help.lines().allMatch(line -> line.length() <= 160), "one short line per target:\n" + help);
    }

    @Test
    void theMavenWrapperPinsItsDistributionsChecksum() throws IOException {
        Properties wrapper = new Properties();
        try (var in = Files.newBufferedReader(ExternalTool.root().resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        String url = wrapper.getProperty("distributionUrl", "");
        assertTrue(url.startsWith("https://repo.maven.apache.org/maven2/"), "the wrapper fetches Maven from Maven Central: " + url);
        assertTrue(wrapper.getProperty("distributionSha256Sum", "").matches("[0-9a-f]{64}"),
                "maven-wrapper.properties must pin distributionSha256Sum (the SHA-256 of " + url + ")");
    }
}
