package io.gameflow.metrics.api;

import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.gameflow.metrics.config.MetricsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Swagger UI turned off, as the prod overlay does: built in (always-include) but not served, while the API's
 * description stays. Turned off here by its old name, METRICS_SWAGGER_UI_ENABLED, and with the 2-day bound under its
 * old property name: both still work for one release (docs/configuration.md, "Renamed settings"), in the running
 * service as much as in SettingNames' plain configuration.
 */
@QuarkusTest
@TestProfile(SwaggerUiOffTest.Off.class)
class SwaggerUiOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no broker: what is served does not depend on Kafka, and one more embedded broker in this JVM costs heap
            return Map.of("METRICS_SWAGGER_UI_ENABLED", "false",
                    "gameflow.metrics.max-future", "P3D",
                    "kafka.bootstrap.servers", "127.0.0.1:" + EmbeddedKafka.freePort(),
                    "quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        }
    }

    @Inject
    MetricsConfig config;

    @Test
    void servesNoSwaggerUiButTheApiDescription() {
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void readsTheOldPropertyName() {
        assertEquals(Duration.ofDays(3), config.maxEventAhead());
    }
}
