package io.gameflow.e2e.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/run-local-stack.sh (make run) waits for each service on the management port the service really uses: a
 * default that drifted from application.properties would leave make run waiting for a port nobody opens.
 */
class LocalStackScriptTest {

    private static final String SCRIPT = "scripts/run-local-stack.sh";

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "generator-service", "engagement-service", "metrics-service"})
    void givesEachServiceItsOwnManagementPortAndWaitsThere(String service) throws IOException {
        String script = Files.readString(ExternalTool.root().resolve(SCRIPT));
        String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_MANAGEMENT_PORT";
        Matcher exported = Pattern.compile("(?m)^" + variable + "=\\$\\{" + variable + ":-(\\d+)}").matcher(script);
        assertTrue(exported.find(), SCRIPT + " must take " + variable + " with a default");
        assertTrue(script.contains("QUARKUS_MANAGEMENT_PORT=${MANAGEMENT_PORT[$s]}"),
                SCRIPT + " must give each service its management port as QUARKUS_MANAGEMENT_PORT");
        assertEquals(ServiceConfig.of(service).managementPort(), Integer.parseInt(exported.group(1)),
                SCRIPT + "'s default " + variable + " must be " + service + "'s quarkus.management.port default");
        assertTrue(script.contains("/${MANAGEMENT_PORT[$s]}/q/health/ready") || script.contains(":${MANAGEMENT_PORT[$s]}/q/health/ready"),
                SCRIPT + " must wait for /q/health/ready on each service's management port");
    }
}
