package io.gameflow.ingest.api;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.ApiKey;
import io.gameflow.ingest.domain.ApiKeys;
import io.gameflow.ingest.domain.EventScope;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Who is posting and what they may send: the API key in {@code X-API-Key}, with its name and scope. Built at start,
 * so that a service with authentication on and no key, or a key entry it cannot read, refuses to start instead of
 * refusing every request.
 */
@Startup
@ApplicationScoped
public class ApiKeyAuthenticator {

    public static final String HEADER = "X-API-Key";
    static final ApiKey ANONYMOUS = new ApiKey("anonymous", EventScope.ALL);
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);

    private final boolean enabled;
    private final ApiKeys keys;

    public ApiKeyAuthenticator(IngestConfig config) {
        this.enabled = config.auth().enabled();
        try {
            this.keys = ApiKeys.parse(config.auth().keys().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gameflow.ingest.auth.keys (env GAMEFLOW_INGEST_AUTH_KEYS): " + e.getMessage(), e);
        }
        if (enabled && keys.isEmpty()) {
            throw new IllegalStateException("No API key configured: set gameflow.ingest.auth.keys (env GAMEFLOW_INGEST_AUTH_KEYS) "
                    + "to name:key:scope entries, e.g. GAMEFLOW_INGEST_AUTH_KEYS=game:<a long random key>:client,servers:<another>:server, "
                    + "or set GAMEFLOW_INGEST_AUTH_ENABLED=false to accept events from anyone");
        }
        if (!enabled) {
            LOG.warn("API keys are off (gameflow.ingest.auth.enabled=false): anyone who reaches this port can post events");
        } else if (!keys.unscoped().isEmpty()) {
            LOG.warnf("API keys %s have no scope and may send every kind of event: add :client (player_action, transaction) "
                    + "or :server (server_metric) to each entry of GAMEFLOW_INGEST_AUTH_KEYS, or :all to keep every kind on purpose", keys.unscoped());
        }
    }

    /** @throws UnauthorizedException when the key is missing or matches no configured key */
    public ApiKey authenticate(String presentedKey) {
        if (!enabled) {
            return ANONYMOUS;
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new UnauthorizedException("no API key: send it in the " + HEADER + " header");
        }
        return keys.find(presentedKey.trim())
                .orElseThrow(() -> new UnauthorizedException("the API key in " + HEADER + " is not valid"));
    }
}
