package io.gameflow.kafka;

import org.eclipse.microprofile.config.Config;

import java.util.Properties;

/**
 * The one way a service makes a Kafka client by hand (an Admin, a consumer, a producer outside SmallRye and Streams):
 * the brokers of {@code kafka.bootstrap.servers} and the same {@link KafkaSecurity} the channels and Streams get. A
 * client built from the brokers alone would be refused by a secured cluster, and quietly: a readiness check that
 * stays DOWN, an alert list that stops changing.
 */
public final class KafkaClientConfig {

    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";

    private final String bootstrapServers;
    private final KafkaSecurity security;

    private KafkaClientConfig(String bootstrapServers, KafkaSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    public static KafkaClientConfig of(String bootstrapServers, KafkaSecurity security) {
        return new KafkaClientConfig(bootstrapServers, security);
    }

    /** From a service's configuration: {@code kafka.bootstrap.servers} and the {@code gameflow.kafka.*} settings. */
    public static KafkaClientConfig from(Config config) {
        return of(config.getValue(BOOTSTRAP_SERVERS, String.class),
                KafkaSecurity.from(name -> config.getOptionalValue(name, String.class)));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaSecurity security() {
        return security;
    }

    /** A new set of properties for one client: the brokers and the security settings; the caller adds its own. */
    public Properties properties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(security.clientProperties());
        return props;
    }
}
