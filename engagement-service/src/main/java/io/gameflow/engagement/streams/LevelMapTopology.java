package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.LevelMapKeys;
import io.gameflow.engagement.domain.LevelMapStats;
import io.gameflow.engagement.domain.LevelMapVisit;
import io.gameflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Level/map engagement: {@code player-events} (keyed by player) -> valid visits -> repartitioned by cell ->
 * per-cell counts in {@link #STATS_STORE}, distinct players tracked in {@link #PLAYERS_STORE}.
 *
 * <p>Processor and topic names are fixed, because Kafka Streams derives internal topic names from them and a
 * generated name that shifts with a code change would orphan the state of a running deployment.
 */
public final class LevelMapTopology {

    /** Cell key ({@link LevelMapKeys#cell}) -> {@link LevelMapStats}; queried by the REST API. */
    public static final String STATS_STORE = "level-map-stats";
    /** Player-on-cell key ({@link LevelMapKeys#player}) -> that player's event count on the cell. */
    public static final String PLAYERS_STORE = "level-map-players";
    static final String VISITS_REPARTITION = "level-map-visits";
    static final String SKIPPED_METER = "gameflow.engagement.records.skipped";

    private LevelMapTopology() {
    }

    public static Topology build(MeterRegistry registry) {
        Serde<LevelMapVisit> visitSerde = JsonSerdes.of(LevelMapVisit.class);
        Counter skipped = Counter.builder(SKIPPED_METER)
                .description("Input records dropped because they are not JSON or not a valid event of the topic")
                .tag("topic", Topics.PLAYER_EVENTS)
                .register(registry);

        StreamsBuilder builder = new StreamsBuilder();
        // no caching: the stores are read by the API and must show every update as soon as it is committed
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATS_STORE), Serdes.String(), JsonSerdes.of(LevelMapStats.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PLAYERS_STORE), Serdes.String(), Serdes.Long()));

        builder.stream(Topics.PLAYER_EVENTS, Consumed.with(Serdes.String(), Serdes.String()).withName("player-events-source"))
                .processValues(() -> new ValidPlayerEvents(skipped), Named.as("valid-player-events"))
                .selectKey((player, visit) -> LevelMapKeys.cell(visit), Named.as("key-by-level-map"))
                .repartition(Repartitioned.with(Serdes.String(), visitSerde).withName(VISITS_REPARTITION))
                .process(LevelMapCounter::new, Named.as("level-map-counter"), STATS_STORE, PLAYERS_STORE);
        return builder.build();
    }
}
