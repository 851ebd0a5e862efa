package io.gameflow.engagement.streams;

import io.gameflow.events.EventJson;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import org.apache.kafka.common.serialization.Serde;

/** JSON serdes of the aggregate records, with the contract's snake_case mapper so changelogs read like the API. */
final class JsonSerdes {

    private JsonSerdes() {
    }

    static <T> Serde<T> of(Class<T> type) {
        return new ObjectMapperSerde<>(type, EventJson.mapper());
    }
}
