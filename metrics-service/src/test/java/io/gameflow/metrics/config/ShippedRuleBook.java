package io.gameflow.metrics.config;

import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.ServerLimits;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;

/**
 * The rule book and server limits metrics-service ships: its application.properties as a production start reads it (no profile, no
 * environment, so every {@code ${VAR:default}} takes its default), through {@link MetricsConfig} and
 * {@link RuleBookProducer}, so that topology tests run on the rules users get and fail when those change.
 */
public final class ShippedRuleBook {

    private ShippedRuleBook() {
    }

    public static RuleBook load() {
        return new RuleBookProducer().ruleBook(config());
    }

    /** The shipped bounds on servers: forget after, at most so many. */
    public static ServerLimits limits() {
        MetricsConfig config = config();
        return new ServerLimits(config.forgetAfter(), config.maxServers());
    }

    private static MetricsConfig config() {
        URL properties = ShippedRuleBook.class.getResource("/application.properties");
        if (properties == null) {
            throw new IllegalStateException("metrics-service's application.properties is not on the classpath");
        }
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(properties))
                    // as in Quarkus: "1m", "30s", "2d" besides ISO-8601
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(MetricsConfig.class)
                    .build();
            return config.getConfigMapping(MetricsConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
