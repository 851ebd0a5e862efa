package io.gameflow.streams.support.http;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingNameTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        // with the expression expansion of the services' config: the variable is named from the value before it
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build();
    }

    @Test
    void namesTheVariableEachServiceReadsTheSettingFrom() {
        SmallRyeConfig engagement = config(Map.of("gameflow.peer-auth.key", "${ENGAGEMENT_PEER_KEY:}"));
        SmallRyeConfig metrics = config(Map.of("gameflow.read-auth.keys", "${METRICS_READ_KEYS:}"));

        assertEquals("gameflow.peer-auth.key (ENGAGEMENT_PEER_KEY)", SettingName.of(engagement, "gameflow.peer-auth.key"));
        assertEquals("gameflow.read-auth.keys (METRICS_READ_KEYS)", SettingName.of(metrics, "gameflow.read-auth.keys"));
        assertEquals("", engagement.getConfigValue("gameflow.peer-auth.key").getValue(), "expanded, as the service reads it");
    }

    @Test
    void aSettingGivenAsItIsIsNamedByItsProperty() {
        assertEquals("gameflow.peer-auth.key", SettingName.of(config(Map.of("gameflow.peer-auth.key", "short")), "gameflow.peer-auth.key"));
        assertEquals("gameflow.peer-auth.key", SettingName.of(config(Map.of()), "gameflow.peer-auth.key"));
    }
}
