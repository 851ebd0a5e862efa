package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The other instances of this service and who owns a key: each instance advertises its HTTP address as
 * {@code application.server}, so it can be asked for the state it holds.
 */
@ApplicationScoped
public class Instances {

    private final KafkaStreams streams;
    private final String self;

    public Instances(KafkaStreams streams, @ConfigProperty(name = "quarkus.kafka-streams.application-server") String self) {
        this.streams = streams;
        this.self = self;
    }

    /** The other instances that hold state, as host:port. */
    public List<String> others() {
        try {
            return streams.metadataForAllStreamsClients().stream()
                    .map(StreamsMetadata::hostInfo)
                    .filter(host -> !isSelf(host))
                    .map(host -> host.host() + ":" + host.port())
                    .distinct()
                    .toList();
        } catch (IllegalStateException notRunning) {
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state());
        }
    }

    /** The instance that owns a player's state (host:port), empty when it is this one. */
    public Optional<String> remoteOwnerOfPlayer(String playerId) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(EngagementTopology.PLAYER_STATE_STORE, playerId, new StringSerializer());
        } catch (IllegalStateException notRunning) {
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state());
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns player " + playerId + " yet");
        }
        HostInfo host = owner.activeHost();
        return isSelf(host) ? Optional.empty() : Optional.of(host.host() + ":" + host.port());
    }

    private boolean isSelf(HostInfo host) {
        return (host.host() + ":" + host.port()).equals(self);
    }
}
