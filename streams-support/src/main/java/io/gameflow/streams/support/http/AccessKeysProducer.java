package io.gameflow.streams.support.http;

import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * {@code gameflow.read-auth.*} and {@code gameflow.peer-auth.*}: the read keys of the query API and the instances'
 * shared key, made at start so that a setting that cannot work stops the service, naming the variable to set.
 */
@ApplicationScoped
public class AccessKeysProducer {

    static final String READ_KEYS = "gameflow.read-auth.keys";
    static final String PEER_KEY = "gameflow.peer-auth.key";

    @Produces
    @Singleton
    @Startup
    ReadKeys readKeys(@ConfigProperty(name = "gameflow.read-auth.enabled") boolean enabled,
                      @ConfigProperty(name = READ_KEYS) Optional<List<String>> keys) {
        return ReadKeys.of(enabled, keys.orElse(List.of()), SettingName.of(READ_KEYS));
    }

    @Produces
    @Singleton
    @Startup
    PeerKey peerKey(@ConfigProperty(name = "gameflow.peer-auth.enabled") boolean enabled,
                    @ConfigProperty(name = PEER_KEY) Optional<String> key) {
        return PeerKey.of(enabled, key, SettingName.of(PEER_KEY));
    }
}
