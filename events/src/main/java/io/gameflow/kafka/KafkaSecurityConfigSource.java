package io.gameflow.kafka;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the {@link KafkaSecurity} client properties to the clients Quarkus makes: as {@code kafka.*}, which every
 * SmallRye Kafka channel takes, and as {@code kafka-streams.*}, which Kafka Streams takes. A property file cannot do
 * this itself: it cannot leave a property out when its setting is empty (Quarkus would hand Kafka an empty truststore
 * location), nor build the JAAS line from a user name and a password.
 *
 * <p>Registered in META-INF/services; every service that depends on {@code events} has it. Its ordinal is above
 * application.properties, so that a stray {@code kafka.security.protocol} there cannot undo the checked settings,
 * and below the environment and system properties, which stay the operator's last word.
 */
public final class KafkaSecurityConfigSource implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        KafkaSecurity security = KafkaSecurity.from(name -> Optional.ofNullable(context.getValue(name)).map(ConfigValue::getValue));
        return List.of(new PropertiesConfigSource(properties(security), "gameflow-kafka-security", ORDINAL));
    }

    static Map<String, String> properties(KafkaSecurity security) {
        Map<String, String> properties = new HashMap<>();
        security.clientProperties().forEach((key, value) -> {
            properties.put("kafka." + key, value);
            properties.put("kafka-streams." + key, value);
        });
        return properties;
    }
}
