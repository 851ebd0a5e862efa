package io.gameflow.ingest.messaging;

import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.gameflow.kafka.embedded.ServiceConfigForTests;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The readiness check's Admin is a client ingest makes by hand: on a secured broker it must log in with the service's
 * Kafka settings, or readiness would say DOWN while the producers work.
 */
class SecuredReadinessCheckTest {

    private static final String USER = "ingest-service";
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startSecuredOnFreePorts(List.of(USER));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static KafkaReadinessCheck checkWith(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put(KafkaClientConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        return new KafkaReadinessCheck(ServiceConfigForTests.of(properties));
    }

    @Test
    void upWhenLoggedInWithTheServicesSettings() {
        KafkaReadinessCheck check = checkWith(kafka.security().serviceSettings(USER));
        try {
            assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        } finally {
            check.close();
        }
    }

    @Test
    void downWithAWrongPassword() {
        Map<String, String> settings = new HashMap<>(kafka.security().serviceSettings(USER));
        settings.put(KafkaSecurity.SASL_PASSWORD, "not-the-password");
        KafkaReadinessCheck check = checkWith(settings);
        try {
            assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());
        } finally {
            check.close();
        }
    }
}
