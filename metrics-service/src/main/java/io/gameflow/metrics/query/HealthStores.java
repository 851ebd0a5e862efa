package io.gameflow.metrics.query;

import io.gameflow.metrics.streams.MetricsTopology;
import io.gameflow.events.Topics;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The health stores of this instance (the partitions it hosts); {@link Fleet} adds the other instances'.
 *
 * <p>Every read throws {@link InvalidStateStoreException} while the stores are not queryable (start, rebalance,
 * restoration); the caller answers 503 with Retry-After.
 */
@ApplicationScoped
public class HealthStores {

    /**
     * The order of server ids in the stores: by their UTF-8 bytes, which is code point order. Pages are cut in this
     * order, so that a cursor means the same on every instance and every partition.
     */
    public static final Comparator<String> SERVER_ID_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final KafkaStreams streams;

    public HealthStores(KafkaStreams streams) {
        this.streams = streams;
    }

    public List<ServerState> localServers() {
        List<ServerState> servers = new ArrayList<>();
        try (KeyValueIterator<String, ServerState> all = servers().all()) {
            all.forEachRemaining(entry -> servers.add(entry.value));
        }
        return servers;
    }

    /**
     * Up to {@code limit} of this instance's servers whose id comes after {@code after} (from the first when null),
     * in {@link #SERVER_ID_ORDER}, those matching: a range read of each local partition's store from the cursor,
     * merged, so that a page costs about a page, not the fleet.
     */
    public List<ServerState> localServersAfter(String after, int limit, Predicate<ServerState> matching) {
        List<ServerState> page = new ArrayList<>();
        for (int partition : localServerPartitions()) {
            ReadOnlyKeyValueStore<String, ServerState> store = store(MetricsTopology.SERVER_STORE, partition);
            try (KeyValueIterator<String, ServerState> range = store.range(after, null)) {
                int taken = 0;
                while (taken < limit && range.hasNext()) {
                    KeyValue<String, ServerState> server = range.next();
                    if (!server.key.equals(after) && matching.test(server.value)) {
                        page.add(server.value);
                        taken++;
                    }
                }
            }
        }
        page.sort(Comparator.comparing(server -> server.latest().serverId(), SERVER_ID_ORDER));
        return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
    }

    /** The partitions of the input whose server state this instance holds now. */
    private List<Integer> localServerPartitions() {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(Topics.SERVER_METRICS))
                .map(TopicPartition::partition)
                .distinct()
                .toList();
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

    private ReadOnlyKeyValueStore<String, ServerState> servers() {
        return store(MetricsTopology.SERVER_STORE);
    }

    private ReadOnlyKeyValueStore<String, RegionState> regions() {
        return store(MetricsTopology.REGION_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query) {
        try {
            return streams.store(query);
        } catch (IllegalStateException notRunning) {
            // Kafka Streams says so when it is not running at all (created, stopping, failed): not queryable either
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state() + ": " + notRunning.getMessage());
        }
    }
}
