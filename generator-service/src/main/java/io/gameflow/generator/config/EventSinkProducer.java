package io.gameflow.generator.config;

import io.gameflow.generator.messaging.EventSink;
import io.gameflow.generator.messaging.HttpEventSink;
import io.gameflow.generator.messaging.KafkaEventSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The output the configured mode names; in {@code none} mode the Kafka sink stands by and is never sent to. */
@ApplicationScoped
public class EventSinkProducer {

    @Produces
    @ApplicationScoped
    EventSink sink(GeneratorConfig config, Instance<KafkaEventSink> kafka, Instance<HttpEventSink> http) {
        return switch (config.mode()) {
            case HTTP -> http.get();
            case KAFKA, NONE -> kafka.get();
        };
    }
}
