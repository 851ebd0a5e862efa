package io.gameflow.ingest.api;

import io.gameflow.events.EventKind;
import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.ApiKey;
import io.gameflow.ingest.domain.EventScope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service does at start with the configured keys, and what a presented key then stands for. */
class ApiKeyAuthenticatorTest {

    @Test
    void aKeyEntryItCannotReadStopsTheStartNamingTheSettingAndTheEntry() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ApiKeyAuthenticator(config(true, "game:k-1:client", "ops:k-2:sever")));
        assertTrue(refused.getMessage().startsWith("gameflow.ingest.auth.keys (env GAMEFLOW_INGEST_AUTH_KEYS): API key 'ops' has an "
                + "unknown scope word; a scope is client (player_action, transaction), server (server_metric)"), refused.getMessage());
    }

    @Test
    void noKeyWithAuthOnStopsTheStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> new ApiKeyAuthenticator(config(true)))
                .getMessage().contains("name:key:scope"));
    }

    @Test
    void aPresentedKeyStandsForItsNameAndScope() {
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(config(true, "game:k-1:client", "legacy:k-3"));
        ApiKey game = authenticator.authenticate(" k-1 ");
        assertEquals("game", game.name());
        assertFalse(game.scope().allows(EventKind.SERVER_METRIC));
        assertEquals(EventScope.ALL, authenticator.authenticate("k-3").scope());
        assertThrows(UnauthorizedException.class, () -> authenticator.authenticate("k-2"));
    }

    @Test
    void withAuthOffEveryRequestMaySendEveryKind() {
        assertEquals(ApiKeyAuthenticator.ANONYMOUS, new ApiKeyAuthenticator(config(false)).authenticate(null));
        assertEquals(EventScope.ALL, ApiKeyAuthenticator.ANONYMOUS.scope());
    }

    /** Only the auth settings are read at start; anything else asked of this stand-in fails the test. */
    private static IngestConfig config(boolean enabled, String... keys) {
        IngestConfig.Auth auth = new IngestConfig.Auth() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<List<String>> keys() {
                return keys.length == 0 ? Optional.empty() : Optional.of(List.of(keys));
            }
        };
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("auth")) {
                        return auth;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
