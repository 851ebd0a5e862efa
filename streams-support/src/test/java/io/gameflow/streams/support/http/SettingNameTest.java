package io.gameflow.streams.support.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingNameTest {

    @Test
    void namesThePropertyAndItsEnvironmentVariableByQuarkusRule() {
        assertEquals("gameflow.peer-auth.key (GAMEFLOW_PEER_AUTH_KEY)", SettingName.of("gameflow.peer-auth.key"));
        assertEquals("gameflow.read-auth.keys (GAMEFLOW_READ_AUTH_KEYS)", SettingName.of("gameflow.read-auth.keys"));
    }
}
