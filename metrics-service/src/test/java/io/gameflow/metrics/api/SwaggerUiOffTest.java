package io.gameflow.metrics.api;

import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * QUARKUS_SWAGGER_UI_ENABLED=false, as the prod overlay sets it: Swagger UI is built in (always-include) but not
 * served, while the API's description stays.
 */
@QuarkusTest
@TestProfile(SwaggerUiOffTest.Off.class)
class SwaggerUiOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // by the env name the prod overlay sets, which application.properties maps onto quarkus.swagger-ui.enabled;
            // no broker: what is served does not depend on Kafka, and one more embedded broker in this JVM costs heap
            return Map.of("QUARKUS_SWAGGER_UI_ENABLED", "false",
                    "kafka.bootstrap.servers", "127.0.0.1:" + EmbeddedKafka.freePort(),
                    "quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        }
    }

    @Test
    void servesNoSwaggerUiButTheApiDescription() {
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
