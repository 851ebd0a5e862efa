package io.gameflow.generator.config;

import io.gameflow.generator.domain.WorldSettings;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The world's size and seed, from configuration. */
public class WorldSettingsProducer {

    @Produces
    @Singleton
    WorldSettings worldSettings(GeneratorConfig config) {
        return new WorldSettings(config.seed(), config.players(), config.levels(), config.mapsPerLevel(),
                config.servers(), config.regions());
    }
}
