package io.gameflow.kafka.embedded;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;

import java.util.Map;

/**
 * A service's configuration as its running Quarkus reads it, from {@code properties} and the discovered sources (the
 * Kafka security one of {@code events} among them), without starting the service: for tests of the Kafka clients a
 * service makes by hand.
 */
public final class ServiceConfigForTests {

    private ServiceConfigForTests() {
    }

    public static Config of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredSources()
                .withSources(new PropertiesConfigSource(properties, "test-properties", 500)).build();
    }
}
