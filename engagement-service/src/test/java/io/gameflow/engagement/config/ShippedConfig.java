package io.gameflow.engagement.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;

/**
 * The settings engagement-service ships: its application.properties as a start without environment reads them,
 * through {@link EngagementConfig}, so that tests run on the thresholds users get; the defaults live there only.
 */
public final class ShippedConfig {

    private static final EngagementConfig CONFIG = load();

    private ShippedConfig() {
    }

    public static EngagementConfig engagement() {
        return CONFIG;
    }

    private static EngagementConfig load() {
        URL properties = ShippedConfig.class.getResource("/application.properties");
        if (properties == null) {
            throw new IllegalStateException("engagement-service's application.properties is not on the classpath");
        }
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withMapping(EngagementConfig.class)
                    .build()
                    .getConfigMapping(EngagementConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
