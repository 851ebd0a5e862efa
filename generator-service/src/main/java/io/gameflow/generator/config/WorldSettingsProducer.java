package io.gameflow.generator.config;

import io.gameflow.generator.domain.FleetSettings;
import io.gameflow.generator.domain.WorldSettings;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The world's size, seed and server schedule, from configuration. */
public class WorldSettingsProducer {

    @Produces
    @Singleton
    WorldSettings worldSettings(GeneratorConfig config) {
        return new WorldSettings(config.seed(), config.players(), config.online(), config.levels(), config.mapsPerLevel(),
                config.hotspots(), config.stuckShare());
    }

    @Produces
    @Singleton
    FleetSettings fleetSettings(GeneratorConfig config) {
        return FleetSettings.of(config.servers(), config.regions(), config.serverReportEvery(), config.incidentEvery());
    }
}
