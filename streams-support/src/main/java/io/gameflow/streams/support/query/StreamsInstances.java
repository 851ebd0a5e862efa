package io.gameflow.streams.support.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The other instances of this Streams application and who owns a key: each instance advertises its HTTP address as
 * {@code application.server}, so it can be asked for the state it holds. While Kafka Streams is not running every
 * question throws {@link InvalidStateStoreException} (503).
 */
@ApplicationScoped
public class StreamsInstances {

    private final KafkaStreams streams;
    private final String self;

    public StreamsInstances(KafkaStreams streams, @ConfigProperty(name = "quarkus.kafka-streams.application-server") String self) {
        this.streams = streams;
        this.self = self;
    }

    /** The other instances, as host:port. */
    public List<String> others() {
        return othersWhere(client -> true);
    }

    /** The other instances that host one of these stores, as host:port. */
    public List<String> othersHolding(String... stores) {
        return othersWhere(client -> Arrays.stream(stores).anyMatch(client.stateStoreNames()::contains));
    }

    /** The instance that owns a key of a store (host:port), empty when it is this one. */
    public Optional<String> remoteOwnerOf(String store, String key) {
        KeyQueryMetadata owner = whileRunning(() -> streams.queryMetadataForKey(store, key, new StringSerializer()));
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns " + key + " of " + store + " yet");
        }
        String address = address(owner.activeHost());
        return address.equals(self) ? Optional.empty() : Optional.of(address);
    }

    private List<String> othersWhere(Predicate<StreamsMetadata> holding) {
        return whileRunning(() -> streams.metadataForAllStreamsClients().stream()
                .filter(holding)
                .map(client -> address(client.hostInfo()))
                .filter(address -> !address.equals(self))
                .distinct()
                .toList());
    }

    private <T> T whileRunning(Supplier<T> question) {
        try {
            return question.get();
        } catch (IllegalStateException notRunning) {
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state());
        }
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
