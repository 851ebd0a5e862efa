package io.gameflow.metrics.streams;

import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health stores of this instance (the partitions it hosts), and where the other instances are: each instance
 * advertises its HTTP address as {@code application.server}, so a key's owner can be asked over HTTP.
 *
 * <p>Every read throws {@link InvalidStateStoreException} while the stores are not queryable (start, rebalance,
 * restoration); the caller answers 503 with Retry-After.
 */
@ApplicationScoped
public class HealthStores {

    private final KafkaStreams streams;
    private final String self;

    public HealthStores(KafkaStreams streams, @ConfigProperty(name = "quarkus.kafka-streams.application-server") String self) {
        this.streams = streams;
        this.self = self;
    }

    public List<ServerState> localServers() {
        List<ServerState> servers = new ArrayList<>();
        try (KeyValueIterator<String, ServerState> all = servers().all()) {
            all.forEachRemaining(entry -> servers.add(entry.value));
        }
        return servers;
    }

    public Optional<ServerState> localServer(String serverId) {
        return Optional.ofNullable(servers().get(serverId));
    }

    public Map<String, RegionState> localRegions() {
        Map<String, RegionState> regions = new LinkedHashMap<>();
        try (KeyValueIterator<String, RegionState> all = regions().all()) {
            all.forEachRemaining(entry -> regions.put(entry.key, entry.value));
        }
        return regions;
    }

    /** The instance that owns a server's state, empty when it is this one. */
    public Optional<HostInfo> remoteOwnerOf(String serverId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(MetricsTopology.SERVER_STORE, serverId, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns " + serverId + " yet");
        }
        return isSelf(owner.activeHost()) ? Optional.empty() : Optional.of(owner.activeHost());
    }

    /** The other instances of this application that host health state. */
    public List<HostInfo> otherInstances() {
        return streams.metadataForAllStreamsClients().stream()
                .filter(client -> client.stateStoreNames().contains(MetricsTopology.SERVER_STORE)
                        || client.stateStoreNames().contains(MetricsTopology.REGION_STORE))
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !isSelf(host))
                .distinct()
                .toList();
    }

    private boolean isSelf(HostInfo host) {
        return (host.host() + ":" + host.port()).equals(self);
    }

    private ReadOnlyKeyValueStore<String, ServerState> servers() {
        return store(MetricsTopology.SERVER_STORE);
    }

    private ReadOnlyKeyValueStore<String, RegionState> regions() {
        return store(MetricsTopology.REGION_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (IllegalStateException notRunning) {
            // Kafka Streams says so when it is not running at all (created, stopping, failed): not queryable either
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state() + ": " + notRunning.getMessage());
        }
    }
}
