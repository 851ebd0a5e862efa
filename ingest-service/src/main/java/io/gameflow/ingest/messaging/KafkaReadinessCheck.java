package io.gameflow.ingest.messaging;

import io.gameflow.kafka.KafkaClientConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the broker answers: a load balancer should stop sending events here while every one of them
 * would get 503. Quarkus' own Kafka check waits up to a minute for a missing broker, longer than any probe, so
 * this one asks with a bound of its own.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 2_000;

    private final String bootstrapServers;
    private final Admin admin;

    public KafkaReadinessCheck(Config config) {
        KafkaClientConfig kafka = KafkaClientConfig.from(config);
        this.bootstrapServers = kafka.bootstrapServers();
        this.admin = Admin.create(adminProperties(kafka));
    }

    /** Logged in as the producers are: a secured broker answers no one else, and DOWN would then mean nothing. */
    static Properties adminProperties(KafkaClientConfig kafka) {
        Properties props = kafka.properties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        return props;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("bootstrap.servers", bootstrapServers)
                    .withData("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka").down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("bootstrap.servers", bootstrapServers)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
