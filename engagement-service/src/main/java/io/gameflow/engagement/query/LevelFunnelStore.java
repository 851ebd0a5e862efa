package io.gameflow.engagement.query;

import io.gameflow.engagement.streams.EngagementTopology;
import io.gameflow.engagement.streams.LevelFunnel;
import io.gameflow.engagement.domain.LevelFunnelStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Interactive query of {@link EngagementTopology#LEVEL_FUNNEL_STORE}, with each level's kept times to complete from
 * {@link EngagementTopology#LEVEL_DURATIONS_STORE}: the levels of this instance's partitions.
 */
@ApplicationScoped
public class LevelFunnelStore {

    private final KafkaStreams streams;

    public LevelFunnelStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** By level_id, with the kept times to complete; @throws InvalidStateStoreException while a store cannot be read */
    public List<LevelFunnelStats> all() {
        ReadOnlyKeyValueStore<String, Long> durations = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.LEVEL_DURATIONS_STORE, QueryableStoreTypes.keyValueStore()));
        List<LevelFunnelStats> levels = new ArrayList<>();
        for (LevelFunnelStats level : counts()) {
            levels.add(level.withDurations(durationsOf(durations, level.levelId())));
        }
        levels.sort(Comparator.comparing(LevelFunnelStats::levelId));
        return levels;
    }

    /** The counts only, without the kept times to complete: for the gauges. */
    public List<LevelFunnelStats> counts() {
        ReadOnlyKeyValueStore<String, LevelFunnelStats> store = streams.store(
                StoreQueryParameters.fromNameAndType(EngagementTopology.LEVEL_FUNNEL_STORE, QueryableStoreTypes.keyValueStore()));
        List<LevelFunnelStats> levels = new ArrayList<>();
        try (KeyValueIterator<String, LevelFunnelStats> all = store.all()) {
            all.forEachRemaining(entry -> levels.add(entry.value));
        }
        return levels;
    }

    public static List<Long> durationsOf(ReadOnlyKeyValueStore<String, Long> durations, String levelId) {
        List<Long> kept = new ArrayList<>();
        try (KeyValueIterator<String, Long> range = durations.range(
                LevelFunnel.firstDurationKey(levelId), LevelFunnel.lastDurationKey(levelId))) {
            range.forEachRemaining(entry -> kept.add(entry.value));
        }
        return kept;
    }
}
