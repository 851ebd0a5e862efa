package io.gameflow.e2e;

import io.gameflow.kafka.KafkaSecurity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Kafka client of every service gets the same security settings: the ones SmallRye and Kafka Streams make from
 * the {@code gameflow.kafka.*} settings of application.properties, the ones made by hand through
 * {@code KafkaClientConfig}. A client given only its brokers would connect to the open local broker and be refused
 * by a secured one, so it is caught here, in the source, rather than as a readiness that stays DOWN in production.
 */
class KafkaClientsSourceTest {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));
    private static final List<String> SERVICES = List.of("generator-service", "ingest-service", "engagement-service", "metrics-service");
    /** The services' code, and the shared Streams plumbing they run (its TopicFeed makes consumers). */
    private static final List<String> CODE = List.of("generator-service", "ingest-service", "engagement-service",
            "metrics-service", "streams-support");
    private static final Pattern MAKES_A_CLIENT = Pattern.compile(
            "new\\s+Kafka(Consumer|Producer)\\s*<|\\bAdmin(Client)?\\.create\\s*\\(|new\\s+KafkaStreams\\s*\\(");
    private static final Pattern BROKERS_BY_HAND = Pattern.compile(
            "BOOTSTRAP_SERVERS_CONFIG|put\\(\\s*\"bootstrap\\.servers\"|\"kafka\\.bootstrap\\.servers\"");

    @Test
    void noServiceMakesAKafkaClientButThroughKafkaClientConfig() {
        List<String> problems = new ArrayList<>();
        int clients = 0;
        for (String module : CODE) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                String source = read(file);
                String where = ROOT.relativize(file).toString();
                if (BROKERS_BY_HAND.matcher(source).find()) {
                    problems.add(where + " names the brokers itself: take them and the security settings from "
                            + "KafkaClientConfig.from(config).properties()");
                }
                if (MAKES_A_CLIENT.matcher(source).find()) {
                    clients++;
                    if (!source.contains("KafkaClientConfig")) {
                        problems.add(where + " makes a Kafka client without KafkaClientConfig: it would connect without"
                                + " the service's security settings");
                    }
                }
            }
        }
        // the check must have something to check: ingest's readiness, the shared TopicFeed (engagement's findings,
        // metrics' alert log), metrics' forwarder
        assertTrue(clients >= 3, "found only " + clients + " files that make Kafka clients; is the pattern stale?");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyServiceReadsEveryKafkaSecuritySettingFromItsEnvironmentVariable() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            String properties = read(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            // declared there, a setting is read from its environment variable by Quarkus' rule, the name KafkaSecurity gives
            KafkaSecurity.ENV.forEach((setting, env) -> {
                if (!Pattern.compile("(?m)^" + Pattern.quote(setting + "=")).matcher(properties).find()) {
                    problems.add(service + "/src/main/resources/application.properties: add " + setting + "=<default>");
                }
                if (!env.equals(setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))) {
                    problems.add("KafkaSecurity.ENV names " + env + " for " + setting + ", which Quarkus does not read for it");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
