package io.gameflow.generator.config;

import io.gameflow.generator.domain.FleetSettings;
import io.gameflow.generator.domain.PopulationSettings;
import io.gameflow.generator.domain.SentKpis;
import io.gameflow.generator.domain.WorldSettings;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The world's size, seed, population and server schedule, and the truth's KPIs in the population's zone, from configuration. */
public class WorldSettingsProducer {

    @Produces
    @Singleton
    WorldSettings worldSettings(GeneratorConfig config) {
        return new WorldSettings(config.seed(), config.players(), config.online(), config.levels(), config.mapsPerLevel(),
                config.hotspots(), config.stuckShare(), PopulationSettings.of(config.population().installsPerDay(),
                        config.population().d1Retention(), config.population().decay(), config.population().zone()));
    }

    @Produces
    @Singleton
    SentKpis sentKpis(WorldSettings settings) {
        return new SentKpis(settings.population().zone());
    }

    @Produces
    @Singleton
    FleetSettings fleetSettings(GeneratorConfig config) {
        return FleetSettings.of(config.servers(), config.regions(), config.serverReportEvery(), config.incidentEvery());
    }
}
