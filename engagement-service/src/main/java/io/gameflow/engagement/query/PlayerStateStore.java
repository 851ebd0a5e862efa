package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.domain.PlayerState;
import io.gameflow.engagement.domain.TrackedPlayer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.util.Optional;

/** Interactive query of the players' sessions and positions ({@link EngagementTopology#PLAYERS_STORE}) on this instance. */
@ApplicationScoped
public class PlayerStateStore {

    private final KafkaStreams streams;

    public PlayerStateStore(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<PlayerState> player(String playerId) {
        return Optional.ofNullable(streams.store(StoreQueryParameters.fromNameAndType(EngagementTopology.PLAYERS_STORE,
                QueryableStoreTypes.<String, TrackedPlayer>keyValueStore())).get(playerId)).map(TrackedPlayer::session);
    }
}
