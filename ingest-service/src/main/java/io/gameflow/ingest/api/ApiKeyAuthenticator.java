package io.gameflow.ingest.api;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.ApiKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Who is posting: the name of the API key in {@code X-API-Key}. Built at start, so that a service with
 * authentication on and no key configured refuses to start instead of refusing every request.
 */
@Startup
@ApplicationScoped
public class ApiKeyAuthenticator {

    public static final String HEADER = "X-API-Key";
    static final String ANONYMOUS = "anonymous";
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);

    private final boolean enabled;
    private final ApiKeys keys;

    public ApiKeyAuthenticator(IngestConfig config) {
        this.enabled = config.auth().enabled();
        this.keys = ApiKeys.parse(config.auth().keys().orElse(List.of()));
        if (enabled && keys.isEmpty()) {
            throw new IllegalStateException("No API key configured: set gameflow.ingest.auth.keys (env INGEST_API_KEYS) "
                    + "to name:key entries, e.g. INGEST_API_KEYS=studio-a:<a long random key>, or set "
                    + "INGEST_AUTH_ENABLED=false to accept events from anyone");
        }
        if (!enabled) {
            LOG.warn("API keys are off (gameflow.ingest.auth.enabled=false): anyone who reaches this port can post events");
        }
    }

    /** @throws UnauthorizedException when the key is missing or matches no configured key */
    public String authenticate(String presentedKey) {
        if (!enabled) {
            return ANONYMOUS;
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new UnauthorizedException("no API key: send it in the " + HEADER + " header");
        }
        return keys.nameOf(presentedKey.trim())
                .orElseThrow(() -> new UnauthorizedException("the API key in " + HEADER + " is not valid"));
    }
}
