package io.gameflow.metrics.config;

import io.gameflow.events.ReadKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** {@code gameflow.read-auth.*}: the read keys of the query API, made at start so that a setting that cannot work stops it. */
@ApplicationScoped
public class ReadKeysProducer {

    @Produces
    @Singleton
    @Startup
    ReadKeys readKeys(@ConfigProperty(name = "gameflow.read-auth.enabled") boolean enabled,
                      @ConfigProperty(name = "gameflow.read-auth.keys") Optional<List<String>> keys) {
        return ReadKeys.of(enabled, keys.orElse(List.of()), "gameflow.read-auth.keys (GAMEFLOW_READ_AUTH_KEYS)");
    }
}
