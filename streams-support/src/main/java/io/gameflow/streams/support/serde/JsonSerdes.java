package io.gameflow.streams.support.serde;

import io.gameflow.events.EventJson;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import org.apache.kafka.common.serialization.Serde;

/** JSON serdes of stored and emitted records, with the contract's snake_case mapper so changelogs read like the API. */
public final class JsonSerdes {

    private JsonSerdes() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        return new ObjectMapperSerde<>(type, EventJson.mapper());
    }
}
