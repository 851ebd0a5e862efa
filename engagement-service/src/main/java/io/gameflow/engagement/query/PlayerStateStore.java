package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.PlayerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.util.Optional;

/** Interactive query of {@link EngagementTopology#PLAYER_STATE_STORE} on this instance. */
@ApplicationScoped
public class PlayerStateStore {

    private final KafkaStreams streams;

    public PlayerStateStore(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<PlayerState> player(String playerId) {
        return Optional.ofNullable(streams.store(StoreQueryParameters.fromNameAndType(EngagementTopology.PLAYER_STATE_STORE,
                QueryableStoreTypes.<String, PlayerState>keyValueStore())).get(playerId));
    }
}
