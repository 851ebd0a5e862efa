package io.gameflow.ingest.config;

import io.gameflow.events.EventValidator;
import io.gameflow.events.ValidationLimits;
import io.gameflow.ingest.domain.BatchValidator;
import io.gameflow.ingest.domain.BodyDecoder;
import io.gameflow.ingest.domain.Routes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The plain-Java pieces of the request path, built once from the configuration. */
public class IngestBeans {

    @Produces
    @Singleton
    Routes routes(IngestConfig config) {
        return new Routes(config.routes());
    }

    @Produces
    @Singleton
    BatchValidator batchValidator(IngestConfig config, Routes routes) {
        EventValidator validator = new EventValidator(new ValidationLimits(config.maxEventAge(), config.maxEventAhead()));
        return new BatchValidator(validator, routes, config.maxEventBytes(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    BodyDecoder bodyDecoder(IngestConfig config) {
        return new BodyDecoder(config.maxBodyBytes());
    }
}
