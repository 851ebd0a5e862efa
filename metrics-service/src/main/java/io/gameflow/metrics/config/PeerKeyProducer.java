package io.gameflow.metrics.config;

import io.gameflow.events.PeerKey;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** {@code gameflow.peer-auth.*}: the instances' shared key, made at start so that a setting that cannot work stops it. */
@ApplicationScoped
public class PeerKeyProducer {

    @Produces
    @Singleton
    @Startup
    PeerKey peerKey(@ConfigProperty(name = "gameflow.peer-auth.enabled") boolean enabled,
                    @ConfigProperty(name = "gameflow.peer-auth.key") Optional<String> key) {
        return PeerKey.of(enabled, key, "gameflow.peer-auth.key (GAMEFLOW_PEER_AUTH_KEY)");
    }
}
