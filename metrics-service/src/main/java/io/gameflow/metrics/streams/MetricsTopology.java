package io.gameflow.metrics.streams;

import io.gameflow.streams.support.trace.RecordTracing;
import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.Topics;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.streams.serde.ServerStateSerde;
import io.gameflow.streams.support.input.DeadLetters;
import io.gameflow.streams.support.input.InputKind;
import io.gameflow.streams.support.input.InputReader;
import io.gameflow.streams.support.input.ReadInput;
import io.gameflow.streams.support.input.Reading;
import io.gameflow.streams.support.serde.JsonSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code server-metrics} to server health and alerts, top to bottom:
 * <ol>
 *   <li>read each record, at the time it counts ({@link #SERVER_METRICS}, {@link InputReader}); what cannot be used goes, as received, to {@value #DEAD_LETTERS} with the reason;</li>
 *   <li>admit it: the first sample of a server beyond {@code max-servers} tracked goes to the dead letters too;</li>
 *   <li>per server (the input key): latest sample, rolling window, server rules and silence, in {@value #SERVER_STORE};
 *   servers silent for {@code forget-after} are resolved and forgotten;</li>
 *   <li>per region (re-keyed by region): the region's average and the region rules, in {@value #REGION_STORE};</li>
 *   <li>both emit firing and resolved alerts to {@value #ALERTS}, keyed by server or region.</li>
 * </ol>
 * A plain method, so {@code TopologyTestDriver} tests it without Quarkus.
 */
public final class MetricsTopology {

    /** Key: server_id; value: {@link ServerState}, compact ({@link ServerStateSerde}): it is converted at every sample. */
    public static final String SERVER_STORE = "server-health";
    /** Key: region; value: {@link RegionState}, where its rules stand. */
    public static final String REGION_STORE = "region-health";
    /** Key: {@code region|server}; value: the server's latest {@link Point} within the window. */
    public static final String REGION_POINTS_STORE = "region-points";
    public static final String ALERTS = Topics.SERVER_ALERTS;
    public static final String DEAD_LETTERS = Topics.dlq(Topics.SERVER_METRICS);
    /** How {@code server-metrics} records are read: samples keyed by server_id, at their last-seen time. */
    static final InputKind<ServerMetricEvent, ServerSample> SERVER_METRICS = new InputKind<>(EventKind.SERVER_METRIC,
            ServerMetricEvent.class, ServerSample::of, ServerSample::serverId, "parameters.server_id",
            sample -> sample.lastSeenTime().toEpochMilli(), (sample, timeMs) -> sample.at(Instant.ofEpochMilli(timeMs)));

    private MetricsTopology() {
    }

    /** Untraced, for topology tests and tools. */
    public static Topology build(RuleBook rules, MetricsMeters meters, Duration silenceCheckEvery, ServerLimits limits) {
        return build(rules, meters, silenceCheckEvery, limits, RecordTracing.OFF);
    }

    /** @param tracing continues the traces samples carry through the server rules to the alerts they raise */
    public static Topology build(RuleBook rules, MetricsMeters meters, Duration silenceCheckEvery, ServerLimits limits,
                                 RecordTracing tracing) {
        Serde<ServerSample> samples = JsonSerdes.of(ServerSample.class);
        Serde<Alert> alerts = JsonSerdes.of(Alert.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERVER_STORE),
                Serdes.String(), ServerStateSerde.SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGION_STORE),
                Serdes.String(), JsonSerdes.of(RegionState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGION_POINTS_STORE),
                Serdes.String(), JsonSerdes.of(Point.class)));

        InputReader<ServerMetricEvent, ServerSample> reader = new InputReader<>(SERVER_METRICS, rules.maxFuture(),
                rules.clockSkew(), meters::clockSkewed);
        Map<String, KStream<String, Reading<ServerSample>>> read = builder
                .stream(Topics.SERVER_METRICS, Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new ReadInput<>(reader), Named.as("read"))
                .split(Named.as("records-"))
                .branch((key, reading) -> reading.isUsable(), Branched.as("usable"))
                .defaultBranch(Branched.as("unusable"));

        Map<String, KStream<String, Reading<ServerSample>>> admitted = read.get("records-usable")
                .processValues(() -> new ServerAdmission(limits, meters), Named.as("admit-servers"), SERVER_STORE)
                .split(Named.as("servers-"))
                .branch((key, reading) -> reading.isUsable(), Branched.as("admitted"))
                .defaultBranch(Branched.as("refused"));

        read.get("records-unusable")
                .merge(admitted.get("servers-refused"), Named.as("dead-letters"))
                .process(() -> new DeadLetters<ServerSample>(meters::skipped), Named.as("dead-letter"))
                .to(DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.String()));

        KStream<String, ServerSample> usable = admitted.get("servers-admitted").mapValues(Reading::value);

        usable.process(() -> new ServerHealthProcessor(rules, meters, silenceCheckEvery, limits, tracing), Named.as("server-health"), SERVER_STORE)
                .to(ALERTS, Produced.with(Serdes.String(), alerts));

        usable.selectKey((serverId, sample) -> sample.region(), Named.as("key-by-region"))
                .repartition(Repartitioned.with(Serdes.String(), samples).withName("samples-by-region"))
                .process(() -> new RegionHealthProcessor(rules, limits, silenceCheckEvery), Named.as("region-health"),
                        REGION_STORE, REGION_POINTS_STORE)
                .to(ALERTS, Produced.with(Serdes.String(), alerts));

        return builder.build();
    }
}
