package io.gameflow.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a service's application.properties says, as the deploy files must match it: its HTTP port (and the env name
 * that sets it), the port of its management interface, where /q/health and /q/metrics live, and the env names it
 * reads: each property's name by Quarkus' rule (upper case, every character other than a letter or digit as '_';
 * docs/configuration.md).
 */
record ServiceConfig(String portEnv, int port, int managementPort, Set<String> envNames) {

    private static final Pattern HTTP_PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)\\s*$");
    private static final Pattern MANAGEMENT_PORT = Pattern.compile("(?m)^quarkus\\.management\\.port=(\\d+)\\s*$");
    private static final Pattern MANAGEMENT_ON = Pattern.compile("(?m)^quarkus\\.management\\.enabled=true\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^([a-z][^=\\s#]*)=");
    private static final Map<String, ServiceConfig> READ = new ConcurrentHashMap<>();

    /** The configuration of the module named {@code service}, read once per test JVM. */
    static ServiceConfig of(String service) {
        return READ.computeIfAbsent(service, ServiceConfig::read);
    }

    boolean reads(String envName) {
        return envNames.contains(envName);
    }

    private static ServiceConfig read(String service) {
        Path file = ExternalTool.root().resolve(service).resolve("src/main/resources/application.properties");
        assertTrue(Files.isRegularFile(file), service + " is no module of the project with"
                + " src/main/resources/application.properties: name each deployed service after its module");
        try {
            String text = Files.readString(file);
            Matcher port = HTTP_PORT.matcher(text);
            assertTrue(port.find(), service + "'s application.properties has no quarkus.http.port=<port> line");
            Matcher management = MANAGEMENT_PORT.matcher(text);
            assertTrue(MANAGEMENT_ON.matcher(text).find() && management.find(), service + "'s application.properties must "
                    + "set quarkus.management.enabled=true and quarkus.management.port=<port>: health and metrics "
                    + "are served there, and the deploy files probe and scrape that port");
            Set<String> names = new HashSet<>();
            PROPERTY.matcher(text).results().forEach(r -> names.add(environmentName(r.group(1))));
            return new ServiceConfig("QUARKUS_HTTP_PORT", Integer.parseInt(port.group(1)), Integer.parseInt(management.group(1)),
                    Set.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable Quarkus reads for a property. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
